namespace Hamta.Devices.Contracts;

/// <summary>A registry clerk's declarations file, uploaded on the portal, to be imported in the background.</summary>
public sealed record UploadDeclarations(string FileName, byte[] Content, string By);

public enum UploadOutcome
{
    Accepted,
    SameFileAgain,
    Empty,
    NoHeader,
}

/// <summary>What became of an upload: the upload to follow (also the earlier one, for the same file again), or why none was made.</summary>
public sealed record DeclarationsUploaded(UploadOutcome Outcome, Guid? UploadId = null);

public enum UploadState
{
    Waiting,
    Reading,
    Writing,
    Done,
    Failed,
}

/// <summary>An upload's progress: lines read, accepted and refused so far, of about <paramref name="ExpectedLines"/>.</summary>
public sealed record DeclarationUploadStatus(
    Guid Id, string FileName, string By, DateTimeOffset UploadedAt, UploadState State, int ExpectedLines, int Read, int Accepted, int Refused,
    bool AlreadyImported, DateTimeOffset? FinishedAt);

public sealed record GetDeclarationUpload(Guid UploadId);

public sealed record DeclarationUploadFound(DeclarationUploadStatus? Upload);

/// <summary>The latest uploads, newest first.</summary>
public sealed record FindDeclarationUploads(int Count);

public sealed record GetRefusedDeclarationLines(Guid UploadId);

/// <summary>A line the import refused: its number in the file, the column at fault and the reason (a <c>LineRefusal</c> name), with the value it concerns.</summary>
public sealed record RefusedDeclarationLine(int Line, string Field, string Reason, string? Detail);

using Hamta.Devices.Contracts;
using Marten;

namespace Hamta.Devices.Importing.Uploads;

/// <summary>What the portal reads of the uploads: their progress and their refused lines.</summary>
public static class DeclarationUploadQueryHandler
{
    public static async Task<DeclarationUploadFound> Handle(GetDeclarationUpload query, IQuerySession session, CancellationToken cancellation) =>
        new((await DeclarationUploads.StatusesAsync(session, query.UploadId, 1, cancellation)).SingleOrDefault());

    public static Task<IReadOnlyList<DeclarationUploadStatus>> Handle(FindDeclarationUploads query, IQuerySession session, CancellationToken cancellation) =>
        DeclarationUploads.StatusesAsync(session, null, query.Count, cancellation);

    public static Task<IReadOnlyList<RefusedDeclarationLine>> Handle(GetRefusedDeclarationLines query, IQuerySession session, CancellationToken cancellation) =>
        DeclarationUploads.RefusedLinesAsync(session, query.UploadId, cancellation);
}

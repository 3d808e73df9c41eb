# The Hamta portal as one image; the role (web, worker, both) comes from Hamta__Role.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Host/Hamta.Host.csproj -p:PublishProfile=Image -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
# A 16 MB young generation: a node under load stays near 300 MB resident instead of growing its gen0
# budget to the size of the CPU cache (ADR 0012); the runtime reads this setting from the environment only.
# The bench gives its Host every DOTNET_ variable set here.
ENV DOTNET_GCgen0size=0x1000000
EXPOSE 8080
ENTRYPOINT ["dotnet", "Hamta.Host.dll"]

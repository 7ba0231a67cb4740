# Summarizer.Silo: restore + publish in the SDK image, run in the ASP.NET image as the non-root 'app' user.
# Build context: the repository root (docker compose build silo).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
# The whole src/ rather than csproj-by-csproj: project references change often, and a missed one breaks restore.
COPY src/ src/
RUN dotnet restore src/Summarizer.Silo/Summarizer.Silo.csproj
RUN dotnet publish src/Summarizer.Silo/Summarizer.Silo.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080 11111 30000
# No curl in the aspnet image: ask /healthz over bash's /dev/tcp.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "Summarizer.Silo.dll"]

# Standalone Aspire dashboard (trace viewer + OTLP receiver) from the NuGet package
# Aspire.Dashboard.Sdk.linux-x64, for: docker compose --profile observability up -d --build
# Build context: deploy/observability. Restoring inside the build is the only download.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS fetch
WORKDIR /fetch
COPY aspire-dashboard.csproj ./
RUN dotnet restore aspire-dashboard.csproj --packages /fetch/packages \
 && cp -r /fetch/packages/aspire.dashboard.sdk.linux-x64/13.6.5/tools /dashboard \
 && chmod 755 /dashboard/Aspire.Dashboard

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /dashboard
COPY --from=fetch /dashboard .
COPY aspire-dashboard-entrypoint.sh /usr/local/bin/aspire-dashboard-entrypoint.sh
USER root
RUN chmod 755 /usr/local/bin/aspire-dashboard-entrypoint.sh
USER $APP_UID
# UI + telemetry API on 18888, OTLP/gRPC on 18889, OTLP/HTTP on 18890.
ENV ASPNETCORE_URLS=http://0.0.0.0:18888 \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://0.0.0.0:18889 \
    ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://0.0.0.0:18890
EXPOSE 18888 18889 18890
ENTRYPOINT ["/usr/local/bin/aspire-dashboard-entrypoint.sh"]

# Prometheus from Debian's package (bookworm: 2.42.0), for: docker compose --profile observability up -d --build
# The prom/prometheus image cannot be pulled on a machine without a container registry; Debian's
# package can be installed anywhere the Debian mirror answers. Build context: deploy/observability.
# DEBIAN_IMAGE: debian:bookworm-slim normally; offline-docker/debian-base:latest where nothing can be pulled.
ARG DEBIAN_IMAGE=debian:bookworm-slim
FROM ${DEBIAN_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus \
 && apt-get clean && rm -rf /var/lib/apt/lists/*
COPY prometheus.yml /etc/prometheus/prometheus.yml.in
COPY prometheus-entrypoint.sh /usr/local/bin/prometheus-entrypoint.sh
RUN chmod 755 /usr/local/bin/prometheus-entrypoint.sh \
 && mkdir -p /prometheus /run/prometheus && chown prometheus:prometheus /prometheus /run/prometheus
USER prometheus
EXPOSE 9090
VOLUME ["/prometheus"]
ENTRYPOINT ["/usr/local/bin/prometheus-entrypoint.sh"]

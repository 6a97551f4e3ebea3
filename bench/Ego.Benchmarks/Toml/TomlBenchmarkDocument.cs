namespace Ego.Benchmarks.Toml;

/// <summary>A realistic service configuration (about 10 KB) used by the TOML benchmarks.</summary>
internal static partial class TomlBenchmarkDocument
{
    /// <summary>The whole document; it is split in two constants to keep each source file short.</summary>
    public const string Text = Servers + "\n\n" + Dependencies;

    private const string Servers = """
        # Order service configuration (production profile).
        title = "orders-service"
        version = "2.14.3"
        environment = "production"
        started_at = 2024-03-01T08:00:00Z

        [app]
        name = "orders"
        region = "eu-west-1"
        instance_id = "orders-7f9c4d-2"
        shutdown_timeout = "00:00:30"
        debug = false
        max_request_body_bytes = 4_194_304

        [server.http]
        address = "0.0.0.0"
        port = 8080
        read_timeout = "00:00:15"
        write_timeout = "00:00:15"
        idle_timeout = "00:02:00"
        enable_compression = true
        trusted_proxies = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]

        [server.grpc]
        address = "0.0.0.0"
        port = 9090
        max_receive_message_size = 16_777_216
        max_send_message_size = 16_777_216
        keepalive_time = "00:01:00"
        keepalive_timeout = "00:00:20"
        reflection = true

        [server.tls]
        enabled = true
        cert_file = "/etc/orders/tls/tls.crt"
        key_file = "/etc/orders/tls/tls.key"
        min_version = "1.2"
        cipher_suites = [
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        ]

        [logging]
        level = "information"
        format = "json"
        include_scopes = true
        sample_rate = 0.25
        [logging.overrides]
        "Microsoft.AspNetCore" = "warning"
        "System.Net.Http" = "warning"
        "Ego.Grpc" = "information"

        [tracing]
        enabled = true
        exporter = "otlp"
        endpoint = "http://otel-collector.observability:4317"
        sample_ratio = 0.05
        attributes = { team = "checkout", tier = "backend", cost_center = "cc-4411" }

        [metrics]
        enabled = true
        path = "/metrics"
        histogram_buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]

        [[databases]]
        name = "primary"
        driver = "postgres"
        host = "orders-db-0.internal"
        port = 5432
        database = "orders"
        user = "orders_app"
        password_file = "/run/secrets/db-primary"
        max_open_connections = 50
        max_idle_connections = 10
        connection_lifetime = "00:30:00"
        command_timeout = "00:00:10"
        read_only = false

        [[databases]]
        name = "replica"
        driver = "postgres"
        host = "orders-db-1.internal"
        port = 5433
        database = "orders"
        user = "orders_app"
        password_file = "/run/secrets/db-replica"
        max_open_connections = 40
        max_idle_connections = 8
        connection_lifetime = "00:30:00"
        command_timeout = "00:00:15"
        read_only = true

        [[databases]]
        name = "reporting"
        driver = "postgres"
        host = "orders-db-2.internal"
        port = 5434
        database = "orders"
        user = "orders_app"
        password_file = "/run/secrets/db-reporting"
        max_open_connections = 30
        max_idle_connections = 6
        connection_lifetime = "00:30:00"
        command_timeout = "00:00:20"
        read_only = true

        [[clients]]
        name = "pricing"
        target = "dns:///pricing.internal:9090"
        timeout = "00:00:00.800"
        load_balancing = "pick_first"
        [clients.retry]
        max_attempts = 2
        initial_backoff = "00:00:00.050"
        max_backoff = "00:00:01"
        backoff_multiplier = 2.0
        retryable_status_codes = ["UNAVAILABLE"]
        [clients.circuit_breaker]
        failure_ratio = 0.4
        sampling_duration = "00:00:20"
        minimum_throughput = 10
        break_duration = "00:00:30"

        [[clients]]
        name = "fraud"
        target = "dns:///fraud.internal:9090"
        timeout = "00:00:04"
        load_balancing = "pick_first"
        [clients.retry]
        max_attempts = 2
        initial_backoff = "00:00:00.050"
        max_backoff = "00:00:01"
        backoff_multiplier = 2.0
        retryable_status_codes = ["UNAVAILABLE"]
        [clients.circuit_breaker]
        failure_ratio = 0.4
        sampling_duration = "00:00:20"
        minimum_throughput = 10
        break_duration = "00:00:30"

        [[clients]]
        name = "tax"
        target = "dns:///tax.internal:9090"
        timeout = "00:00:02"
        load_balancing = "pick_first"
        [clients.retry]
        max_attempts = 3
        initial_backoff = "00:00:00.050"
        max_backoff = "00:00:01"
        backoff_multiplier = 2.0
        retryable_status_codes = ["UNAVAILABLE"]
        [clients.circuit_breaker]
        failure_ratio = 0.4
        sampling_duration = "00:00:20"
        minimum_throughput = 10
        break_duration = "00:00:30"

        [[clients]]
        name = "search"
        target = "dns:///search.internal:9090"
        timeout = "00:00:01"
        load_balancing = "pick_first"
        [clients.retry]
        max_attempts = 1
        initial_backoff = "00:00:00.050"
        max_backoff = "00:00:01"
        backoff_multiplier = 2.0
        retryable_status_codes = ["UNAVAILABLE"]
        [clients.circuit_breaker]
        failure_ratio = 0.4
        sampling_duration = "00:00:20"
        minimum_throughput = 10
        break_duration = "00:00:30"

        [[kafka.consumers]]
        topic = "payments.refunded"
        group_id = "orders-refunds"
        partitions = 6
        auto_offset_reset = "latest"
        max_poll_interval = "00:05:00"
        session_timeout = "00:00:45"
        enable_auto_commit = true

        [[kafka.consumers]]
        topic = "customers.merged"
        group_id = "orders-customers"
        partitions = 3
        auto_offset_reset = "latest"
        max_poll_interval = "00:05:00"
        session_timeout = "00:00:45"
        enable_auto_commit = true
        """;
}

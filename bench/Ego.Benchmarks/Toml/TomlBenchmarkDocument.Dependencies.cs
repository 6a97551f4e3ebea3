namespace Ego.Benchmarks.Toml;

/// <summary>The dependency part of the benchmark configuration: caches, clients, messaging, routes.</summary>
internal static partial class TomlBenchmarkDocument
{
    private const string Dependencies = """
        [redis]
        addresses = ["redis-0.cache:6379", "redis-1.cache:6379", "redis-2.cache:6379"]
        database = 2
        dial_timeout = "00:00:02"
        read_timeout = "00:00:01"
        write_timeout = "00:00:01"
        pool_size = 64
        key_prefix = "orders:"

        [[clients]]
        name = "payments"
        target = "dns:///payments.internal:9090"
        timeout = "00:00:02"
        load_balancing = "round_robin"
        [clients.retry]
        max_attempts = 3
        initial_backoff = "00:00:00.100"
        max_backoff = "00:00:02"
        backoff_multiplier = 1.6
        retryable_status_codes = ["UNAVAILABLE", "DEADLINE_EXCEEDED"]
        [clients.circuit_breaker]
        failure_ratio = 0.5
        sampling_duration = "00:00:30"
        minimum_throughput = 20
        break_duration = "00:00:15"

        [[clients]]
        name = "inventory"
        target = "dns:///inventory.internal:9090"
        timeout = "00:00:01.500"
        load_balancing = "round_robin"
        [clients.retry]
        max_attempts = 2
        initial_backoff = "00:00:00.100"
        max_backoff = "00:00:02"
        backoff_multiplier = 1.6
        retryable_status_codes = ["UNAVAILABLE", "DEADLINE_EXCEEDED"]
        [clients.circuit_breaker]
        failure_ratio = 0.5
        sampling_duration = "00:00:30"
        minimum_throughput = 20
        break_duration = "00:00:15"

        [[clients]]
        name = "shipping"
        target = "dns:///shipping.internal:9090"
        timeout = "00:00:03"
        load_balancing = "round_robin"
        [clients.retry]
        max_attempts = 3
        initial_backoff = "00:00:00.100"
        max_backoff = "00:00:02"
        backoff_multiplier = 1.6
        retryable_status_codes = ["UNAVAILABLE", "DEADLINE_EXCEEDED"]
        [clients.circuit_breaker]
        failure_ratio = 0.5
        sampling_duration = "00:00:30"
        minimum_throughput = 20
        break_duration = "00:00:15"

        [[clients]]
        name = "customers"
        target = "dns:///customers.internal:9090"
        timeout = "00:00:01"
        load_balancing = "round_robin"
        [clients.retry]
        max_attempts = 1
        initial_backoff = "00:00:00.100"
        max_backoff = "00:00:02"
        backoff_multiplier = 1.6
        retryable_status_codes = ["UNAVAILABLE", "DEADLINE_EXCEEDED"]
        [clients.circuit_breaker]
        failure_ratio = 0.5
        sampling_duration = "00:00:30"
        minimum_throughput = 20
        break_duration = "00:00:15"

        [[clients]]
        name = "notifications"
        target = "dns:///notify.internal:9090"
        timeout = "00:00:05"
        load_balancing = "round_robin"
        [clients.retry]
        max_attempts = 5
        initial_backoff = "00:00:00.100"
        max_backoff = "00:00:02"
        backoff_multiplier = 1.6
        retryable_status_codes = ["UNAVAILABLE", "DEADLINE_EXCEEDED"]
        [clients.circuit_breaker]
        failure_ratio = 0.5
        sampling_duration = "00:00:30"
        minimum_throughput = 20
        break_duration = "00:00:15"

        [[kafka.consumers]]
        topic = "orders.created"
        group_id = "orders-projector"
        partitions = 12
        auto_offset_reset = "earliest"
        max_poll_interval = "00:05:00"
        session_timeout = "00:00:45"
        enable_auto_commit = false

        [[kafka.consumers]]
        topic = "orders.paid"
        group_id = "orders-fulfilment"
        partitions = 12
        auto_offset_reset = "earliest"
        max_poll_interval = "00:05:00"
        session_timeout = "00:00:45"
        enable_auto_commit = false

        [[kafka.consumers]]
        topic = "orders.shipped"
        group_id = "orders-notifier"
        partitions = 6
        auto_offset_reset = "earliest"
        max_poll_interval = "00:05:00"
        session_timeout = "00:00:45"
        enable_auto_commit = false

        [[kafka.consumers]]
        topic = "inventory.reserved"
        group_id = "orders-reservations"
        partitions = 6
        auto_offset_reset = "earliest"
        max_poll_interval = "00:05:00"
        session_timeout = "00:00:45"
        enable_auto_commit = false

        [kafka]
        brokers = ["kafka-0.messaging:9092", "kafka-1.messaging:9092", "kafka-2.messaging:9092"]
        client_id = "orders-service"
        security_protocol = "SASL_SSL"
        sasl_mechanism = "SCRAM-SHA-512"

        [rate_limits]
        default = { permits = 100, window = "00:00:01", queue = 50 }
        checkout = { permits = 20, window = "00:00:01", queue = 10 }
        admin = { permits = 5, window = "00:01:00", queue = 0 }

        [[routes]]
        path = "/v1/orders"
        method = "POST"
        auth = "user"
        timeout = "00:00:05"
        rate_limit = "default"
        cache = { enabled = false, ttl = "00:00:30" }

        [[routes]]
        path = "/v1/orders/{id}"
        method = "GET"
        auth = "user"
        timeout = "00:00:06"
        rate_limit = "default"
        cache = { enabled = true, ttl = "00:00:31" }

        [[routes]]
        path = "/v1/orders/{id}/cancel"
        method = "POST"
        auth = "user"
        timeout = "00:00:07"
        rate_limit = "default"
        cache = { enabled = false, ttl = "00:00:32" }

        [[routes]]
        path = "/v1/orders/{id}/items"
        method = "GET"
        auth = "user"
        timeout = "00:00:08"
        rate_limit = "default"
        cache = { enabled = true, ttl = "00:00:33" }

        [[routes]]
        path = "/v1/admin/orders"
        method = "GET"
        auth = "admin"
        timeout = "00:00:09"
        rate_limit = "admin"
        cache = { enabled = true, ttl = "00:00:34" }

        [[routes]]
        path = "/v1/admin/orders/{id}/refund"
        method = "POST"
        auth = "admin"
        timeout = "00:00:10"
        rate_limit = "admin"
        cache = { enabled = false, ttl = "00:00:35" }

        [[routes]]
        path = "/v1/carts/{id}/checkout"
        method = "POST"
        auth = "user"
        timeout = "00:00:11"
        rate_limit = "default"
        cache = { enabled = false, ttl = "00:00:36" }

        [[routes]]
        path = "/internal/reindex"
        method = "POST"
        auth = "service"
        timeout = "00:00:12"
        rate_limit = "default"
        cache = { enabled = false, ttl = "00:00:37" }

        [features]
        new_pricing_engine = true
        split_shipments = false
        loyalty_points = true
        rollout_percentage = 35
        allowed_countries = ["DE", "FR", "NL", "BE", "AT", "PL", "ES", "IT", "SE", "DK"]

        [jobs.cleanup]
        schedule = "0 3 * * *"
        enabled = true
        batch_size = 500
        retention = "30.00:00:00"

        [jobs.reconcile]
        schedule = "*/15 * * * *"
        enabled = true
        batch_size = 1_000
        timeout = "00:10:00"

        [health]
        liveness_path = "/healthz"
        readiness_path = "/readyz"
        check_interval = "00:00:10"
        degraded_threshold = 0.8
        """;
}

# Private MariaDB and Redis for the test suite: started on free loopback ports inside a
# temporary directory, never the system services. Sourced by scripts/test.
# shellcheck shell=bash

SERVICES_DIR=""
SERVICE_PIDS=()

stop_services() {
  local pid
  for pid in "${SERVICE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVICE_PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  SERVICE_PIDS=()
  [ -n "$SERVICES_DIR" ] && rm -rf "$SERVICES_DIR"
  SERVICES_DIR=""
}

start_mariadb() {
  local dir="$SERVICES_DIR/mariadb" port run_as=() owner
  port=$(free_port)
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then run_as=(--user=mysql); owner=mysql; chown mysql:mysql "$dir"; fi
  mariadb-install-db "${run_as[@]}" --datadir="$dir" --auth-root-authentication-method=normal \
    >"$SERVICES_DIR/mariadb-install.log" 2>&1 || { cat "$SERVICES_DIR/mariadb-install.log"; die "mariadb-install-db failed"; }
  mariadbd "${run_as[@]}" --datadir="$dir" --socket="$dir/sock" --pid-file="$dir/pid" \
    --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --innodb-buffer-pool-size=128M \
    --innodb-flush-log-at-trx-commit=1 --max-connections=500 \
    >"$SERVICES_DIR/mariadb.log" 2>&1 &
  SERVICE_PIDS+=($!)
  for _ in $(seq 1 300); do
    mariadb-admin --socket="$dir/sock" -uroot ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  mariadb-admin --socket="$dir/sock" -uroot ping >/dev/null 2>&1 \
    || { cat "$SERVICES_DIR/mariadb.log"; die "MariaDB did not start"; }
  mariadb --socket="$dir/sock" -uroot -e "
    CREATE USER 'askpro'@'127.0.0.1' IDENTIFIED BY 'askpro';
    GRANT ALL PRIVILEGES ON *.* TO 'askpro'@'127.0.0.1';
    CREATE DATABASE askpro_test CHARACTER SET utf8mb4;" || die "MariaDB user setup failed"
  export ASKPRO_TEST_MYSQL_HOST=127.0.0.1 ASKPRO_TEST_MYSQL_PORT="$port"
  export ASKPRO_TEST_MYSQL_USER=askpro ASKPRO_TEST_MYSQL_PASSWORD=askpro
  export ASKPRO_TEST_MYSQL_DATABASE=askpro_test
  log "MariaDB on 127.0.0.1:$port"
}

start_redis() {
  local port
  port=$(free_port)
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$SERVICES_DIR" >"$SERVICES_DIR/redis.log" 2>&1 &
  SERVICE_PIDS+=($!)
  for _ in $(seq 1 100); do
    redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && break
    sleep 0.1
  done
  redis-cli -p "$port" ping 2>/dev/null | grep -q PONG || { cat "$SERVICES_DIR/redis.log"; die "Redis did not start"; }
  export ASKPRO_TEST_REDIS_URL="redis://127.0.0.1:$port/0"
  log "Redis on 127.0.0.1:$port"
}

start_services() {
  SERVICES_DIR=$(mktemp -d /tmp/askpro-test.XXXXXX)
  chmod 755 "$SERVICES_DIR"
  start_mariadb
  start_redis
  export ASKPRO_TEST_REQUIRE_SERVICES=1
}

#pragma once
/// What every list route of the tenant API shares (SPEC S8, contract.md "Tenant API list
/// shape"): keyset cursors that stay stable under concurrent inserts, the `limit` parameter,
/// `fields=` selection and ETags. Translation helpers only; queries live in persistence/.
/// Thread-safety: pure functions.

#include "runtime/error.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::net::api {

/// The position after the last item of a page: its sort value and id. The next page holds the
/// items strictly after (sort, id) in (sort, id) order, so rows inserted meanwhile are neither
/// repeated nor skipped unless they sort after the position (then they appear later).
struct cursor_key {
  int64_t sort = 0;
  int64_t id = 0;
  friend bool operator==(const cursor_key& a, const cursor_key& b) {
    return a.sort == b.sort && a.id == b.id;
  }
};

/// An opaque, URL-safe token for `key`.
std::string encode_cursor(const cursor_key& key);

/// The key of a token from `encode_cursor`. Errors: errc::invalid_argument ("invalid cursor").
[[nodiscard]] Result<cursor_key> decode_cursor(std::string_view token);

/// `limit` from the query: absent → `fallback`; an integer 1..200 → it. Errors:
/// errc::invalid_argument ("limit must be an integer from 1 to 200").
[[nodiscard]] Result<int> parse_limit(const std::optional<std::string>& text, int fallback = 50);

/// `fields=a,b,c` split and trimmed; empty input → empty list (all fields).
std::vector<std::string> parse_fields(std::string_view text);

/// Keeps only `fields` (top-level keys) of the object `item`; `id` is always kept. An empty
/// list keeps everything.
void keep_fields(nlohmann::json& item, const std::vector<std::string>& fields);

/// A strong ETag of a response body: `"` + 32 hex characters of its SHA-256 + `"`.
std::string etag_of(std::string_view body);

/// Whether an If-None-Match header value matches `etag` (lists, `W/` weak forms and `*`).
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace askpro::net::api

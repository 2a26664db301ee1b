#pragma once
/// Shared by the tenant API's handler files (net/api/*_routes.cpp) only; pulls in httplib.h and
/// nlohmann/json.hpp. Holds the one route-registration helper, the per-request context and the
/// response conventions: problem documents with stable codes, lists `{"data","next_cursor"}`,
/// `fields=`, ETag / If-None-Match → 304.
/// Thread-safety: `api_env` is immutable after construction (its limiter is thread-safe);
/// `api_call` lives for one request on one worker thread.

#include "actors/api/api_service.hpp"
#include "net/api/api_routes.hpp"
#include "net/api/list_support.hpp"
#include "net/http/problem.hpp"
#include "net/http/router.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace askpro::net::api {

/// What every handler of the group shares.
struct api_env {
  actors::api::api_deps deps;
  api_options options;
};

/// One request after authentication.
struct api_call {
  const api_env& env;
  const actors::api::principal& who;
  const httplib::Request& req;
  httplib::Response& res;

  /// A query parameter; nullopt when absent.
  std::optional<std::string> query(const char* name) const;
  /// The `i`-th `{…}` segment of the path template (1-based).
  std::string path_arg(std::size_t i = 1) const;
};

/// Who may call a route.
enum class api_access {
  open,   ///< no token (the OpenAPI document)
  read,   ///< any valid token
  write,  ///< an admin token; a read token gets 403
};

using api_handler = std::function<void(api_call&)>;

/// The one way routes are registered: records (method, template) in the table and, when given a
/// router, mounts the handler behind authentication, the scope check and the rate limit hook.
class api_mount {
 public:
  /// `routes` nullptr: record the table only. `env` may be nullptr then.
  api_mount(http::router* routes, std::shared_ptr<const api_env> env, std::vector<api_route>& table)
      : routes_(routes), env_(std::move(env)), table_(table) {}

  /// `path` is the OpenAPI template; each `{name}` matches one path segment.
  void add(const std::string& method, const std::string& path, api_access access,
           api_handler handler);

 private:
  http::router* routes_;
  std::shared_ptr<const api_env> env_;
  std::vector<api_route>& table_;
};

// One function per resource file; api_routes.cpp calls each (add new resources there too).
void mount_catalog(api_mount& m);             // catalog_routes.cpp: branches, services, staff
void mount_availability(api_mount& m);        // availability_routes.cpp
void mount_appointments(api_mount& m);        // appointment_routes.cpp
void mount_customers(api_mount& m);           // customer_routes.cpp
void mount_calls(api_mount& m);               // call_routes.cpp
void mount_billing(api_mount& m);             // billing_routes.cpp
void mount_openapi(api_mount& m);             // openapi_routes.cpp
void mount_appointment_writes(api_mount& m);  // appointment_write_routes.cpp (from the above)

/// The numeric `{id}` of an appointment path; nullopt when it is not one (answer 404).
std::optional<int64_t> appointment_id(const api_call& call);

// ---- responses ---------------------------------------------------------------------------

/// A problem document (`application/problem+json`) with a stable `code`.
void respond_problem(httplib::Response& res, int status, const std::string& code,
                     const std::string& detail, std::vector<http::field_error> errors = {},
                     const nlohmann::json& extensions = nlohmann::json::object());

/// 422 `invalid_argument` naming each invalid field.
void respond_invalid(httplib::Response& res, std::vector<http::field_error> errors);

/// 404 `not_found` for `what` ("appointment"): the same body whether the id is missing or
/// another tenant's (or outside a branch-limited token's branches).
void respond_not_found(httplib::Response& res, const std::string& what);

/// The problem for an error from actors/api (http::problem_for).
void respond_failure(httplib::Response& res, const caf::error& err);

/// 200 (or `status`) with `item` after `fields=`; GET answers carry an ETag and honour
/// If-None-Match with 304.
void respond_item(api_call& call, nlohmann::json item, int status = 200);

/// `{"data":[…],"next_cursor":…|null}` after `fields=` on each item, with ETag / 304.
void respond_list(api_call& call, nlohmann::json items, const std::optional<cursor_key>& next);

/// `limit` and `cursor` of a list request.
struct page_request {
  int limit = 50;
  std::optional<cursor_key> after;
};

/// Reads `limit` and `cursor`; answers 422 naming the field and yields nullopt when invalid.
std::optional<page_request> read_page(api_call& call);

/// The JSON body; answers 400 (`bad_request`) and yields nullopt when it is not a JSON object.
std::optional<nlohmann::json> read_body(api_call& call);

}  // namespace askpro::net::api

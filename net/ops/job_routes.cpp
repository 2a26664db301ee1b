#include "net/ops/job_routes.hpp"

#include "net/api/record_json.hpp"
#include "net/http/problem.hpp"
#include "net/http/respond.hpp"
#include "net/http/router.hpp"
#include "net/ops/ops_guard.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <charconv>

namespace askpro::net::ops {
namespace {

nlohmann::json job_json(const persistence::job_record& j) {
  return {{"id", j.id},
          {"kind", j.kind},
          {"status", j.status},
          {"attempts", j.attempts},
          {"max_attempts", j.max_attempts},
          {"run_at", api::iso_utc(j.run_at)},
          {"last_error", j.last_error ? nlohmann::json(*j.last_error) : nlohmann::json(nullptr)}};
}

/// `limit` of the query: 1..500, default 100; nullopt when it is not such a number.
std::optional<int> limit_of(const httplib::Request& req) {
  if (!req.has_param("limit")) return 100;
  auto text = req.get_param_value("limit");
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || n < 1 || n > 500)
    return std::nullopt;
  return n;
}

}  // namespace

void job_routes::mount(http::router& routes) {
  routes.get("/ops/jobs/?", [this](const httplib::Request& req, httplib::Response& res) {
    auto limit = limit_of(req);
    if (!limit) {
      http::respond_problem(res, http::problem_for_status(400, "limit must be 1..500"));
      return;
    }
    auto jobs = actors::jobs::list_jobs(deps_, req.get_param_value("status"), *limit);
    if (!jobs) return http::respond_error(res, jobs.error());
    nlohmann::json data = nlohmann::json::array();
    for (const auto& j : *jobs) data.push_back(job_json(j));
    http::respond_json(res, 200, {{"data", data}, {"next_cursor", nullptr}});
  });
  routes.post("/ops/jobs/([0-9]+)/retry",
              [this](const httplib::Request& req, httplib::Response& res) {
                auto id = api::parse_id(req.matches[1].str());
                if (!id) {
                  http::respond_problem(res, http::problem_for_status(404, "no such job"));
                  return;
                }
                auto job = actors::jobs::retry_job(deps_, *id, ops_caller(req));
                if (!job) {
                  spdlog::warn("ops: retry job {} by {} refused: {}", *id, ops_caller(req),
                               describe(job.error()));
                  return http::respond_error(res, job.error());
                }
                spdlog::info("ops: retry job {} by {}", *id, ops_caller(req));
                http::respond_json(res, 200, job_json(*job));
              });
}

}  // namespace askpro::net::ops

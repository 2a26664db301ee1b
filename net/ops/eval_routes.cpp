#include "net/ops/eval_routes.hpp"

#include "net/http/respond.hpp"
#include "net/http/router.hpp"
#include "net/ops/ops_guard.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

namespace askpro::net::ops {
namespace {

class eval_routes final : public http::route_group {
 public:
  explicit eval_routes(evaluator evaluate) : evaluate_(std::move(evaluate)) {}

  void mount(http::router& routes) override {
    routes.post("/ops/eval", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.body.empty())
        return http::respond_problem(res, http::problem_for_status(400, "the body is Lua source"));
      spdlog::info("ops: eval of {} bytes by {}", req.body.size(), ops_caller(req));
      auto out = evaluate_(req.body);
      auto result = nlohmann::json::parse(out.result_json, nullptr, false);
      http::respond_json(res, 200,
                         {{"ok", out.ok},
                          {"result", result.is_discarded() ? nlohmann::json(nullptr) : result},
                          {"output", out.output},
                          {"error", out.error}});
    });
  }

 private:
  evaluator evaluate_;
};

}  // namespace

std::shared_ptr<http::route_group> make_eval_routes(evaluator evaluate) {
  return std::make_shared<eval_routes>(std::move(evaluate));
}

}  // namespace askpro::net::ops

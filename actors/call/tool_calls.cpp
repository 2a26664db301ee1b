// Functions for agents off the phone (MCP): the tenant's branch, the token's rights, then the
// conversation's own call session (tool_calls.hpp).
#include "actors/call/tool_calls.hpp"

#include "actors/call/function_table.hpp"
#include "actors/call/voice_internal.hpp"

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <variant>

namespace askpro::actors::call {
namespace {

bool sees(const tool_caller& who, int64_t branch_id) {
  return who.branch_ids.empty() ||
         std::find(who.branch_ids.begin(), who.branch_ids.end(), branch_id) != who.branch_ids.end();
}

/// The branch the conversation runs at, or the failure to answer with.
std::variant<const tenant::branch_model*, function_reply> branch_for(
    const tenant::tenant_model& model, const tool_caller& who,
    const std::optional<std::string>& wanted) {
  std::vector<const tenant::branch_model*> visible;
  for (const auto& b : model.branches)
    if (sees(who, b.id)) visible.push_back(&b);
  if (wanted) {
    for (const auto* b : visible)
      if (b->slug == *wanted) return b;
    return failure_of(model.locale, "unknown_branch");
  }
  if (visible.size() == 1) return visible.front();
  auto reply = failure_of(model.locale, visible.empty() ? "unknown_branch" : "branch_required");
  auto slugs = nlohmann::json::array();
  for (const auto* b : visible) slugs.push_back(b->slug);
  reply.data_json = nlohmann::json{{"branches", slugs}}.dump();
  return reply;
}

bool writes(const function_request& request) {
  const auto* spec = spec_of(function_of(request.name));
  return spec && spec->writes;
}

}  // namespace

Result<function_reply> run_tool(const voice_deps& deps, const tool_caller& who,
                                const std::string& conversation_id,
                                const std::optional<std::string>& phone,
                                const std::optional<std::string>& branch,
                                function_request request) {
  tenant_route route{{who.scope, who.tenant_slug, 0, {}}, {}};
  auto handle = tenant_of(deps, route);
  if (!handle) return std::move(handle.error());
  const auto& model = *handle->model;
  if (writes(request) && !who.admin) return failure_of(model.locale, "forbidden");
  auto chosen = branch_for(model, who, branch);
  if (auto* failed = std::get_if<function_reply>(&chosen)) return std::move(*failed);
  const auto* b = std::get<const tenant::branch_model*>(chosen);
  route.route.branch_id = b->id;
  route.route.branch_slug = b->slug;
  return run_function(deps, route, conversation_id, phone, std::move(request));
}

void end_conversation(const voice_deps& deps, const std::string& tenant_slug,
                      const std::vector<std::string>& conversation_ids) {
  for (const auto& id : conversation_ids)
    if (auto session = deps.registry->actor_at("/tenants/" + tenant_slug + "/calls/" + id))
      caf::anon_send(session, ended_atom::value);
}

}  // namespace askpro::actors::call

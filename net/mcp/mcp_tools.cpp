// Tools from the function table, and the translation of tools/call both ways (mcp_tools.hpp).
#include "net/mcp/mcp_tools.hpp"

#include "actors/call/function_table.hpp"

namespace askpro::net::mcp {
namespace {

using actors::call::function_spec;
using nlohmann::json;

constexpr const char* branch_description =
    "The branch's slug; needed only when the business has several branches.";

json input_schema(const function_spec& spec) {
  json properties = json::object();
  json required = json::array();
  for (const auto& a : spec.args) {
    properties[std::string{a.name}] = {{"type", std::string{a.type}},
                                       {"description", std::string{a.description}}};
    if (a.required) required.push_back(std::string{a.name});
  }
  properties["branch"] = {{"type", "string"}, {"description", branch_description}};
  json schema{{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) schema["required"] = std::move(required);
  return schema;
}

std::string title_of(std::string_view name) {
  std::string out{name};
  for (auto& c : out)
    if (c == '_') c = ' ';
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

const function_spec* tool_named(const std::string& name) {
  for (const auto& s : actors::call::function_specs())
    if (s.name == name) return &s;
  return nullptr;
}

json input_error(const std::string& message) {
  return json{{"content", json::array({{{"type", "text"}, {"text", message}}})},
              {"structuredContent", {{"error", {{"code", "invalid_argument"}}}}},
              {"isError", true}};
}

/// An argument's value as the functions take it: strings as they are, numbers and booleans
/// as text; nullopt for null; an error text for objects and arrays.
std::optional<std::string> scalar_text(const json& v, std::string& problem) {
  if (v.is_null()) return std::nullopt;
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) return v.dump();
  problem = "must be a string";
  return std::nullopt;
}

tool_parse fault(std::string why) {
  tool_parse p;
  p.protocol_fault = std::move(why);
  return p;
}

tool_parse bad_input(const std::string& message) {
  tool_parse p;
  p.input_error = input_error(message);
  return p;
}

}  // namespace

json tool_list() {
  json tools = json::array();
  for (const auto& s : actors::call::function_specs())
    tools.push_back({{"name", std::string{s.name}},
                     {"title", title_of(s.name)},
                     {"description", std::string{s.description}},
                     {"inputSchema", input_schema(s)},
                     {"annotations", {{"readOnlyHint", !s.writes}}}});
  return tools;
}

tool_parse parse_tool_call(const json& params) {
  if (!params.is_object() || !params.contains("name") || !params["name"].is_string())
    return fault("tools/call needs params {\"name\": <tool>, \"arguments\": {…}}");
  const auto name = params["name"].get<std::string>();
  const auto* spec = tool_named(name);
  if (!spec) return fault("unknown tool: " + name);
  json args = params.contains("arguments") ? params["arguments"] : json::object();
  if (args.is_null()) args = json::object();
  if (!args.is_object()) return fault("\"arguments\" must be an object");
  tool_invocation call;
  call.request.name = name;
  for (const auto& [key, value] : args.items()) {
    std::string problem;
    auto text = scalar_text(value, problem);
    if (!problem.empty()) return bad_input("argument \"" + key + "\" " + problem);
    if (!text) continue;
    if (key == "branch") call.branch = *text;
    if (key == "phone") call.phone = *text;
    call.request.args[key] = *text;
  }
  for (const auto& a : spec->args)
    if (a.required && !call.request.args.count(std::string{a.name}))
      return bad_input("missing argument \"" + std::string{a.name} + "\"");
  tool_parse out;
  out.call = std::move(call);
  return out;
}

json tool_result(const actors::call::function_reply& reply) {
  auto data = json::parse(reply.data_json, nullptr, false);
  if (!data.is_object()) data = json::object();
  if (!reply.success) data["error"] = {{"code", reply.error_code.value_or("failed")}};
  return json{{"content", json::array({{{"type", "text"}, {"text", reply.message}}})},
              {"structuredContent", std::move(data)},
              {"isError", !reply.success}};
}

}  // namespace askpro::net::mcp

#include "net/retell/codec.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

namespace askpro::net::retell {
namespace {

using nlohmann::json;

std::optional<json> parse_object(std::string_view body) {
  json doc = json::parse(body.begin(), body.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  return doc;
}

std::optional<std::string> text(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<int64_t> integer(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number()) return std::nullopt;
  if (it->is_number_integer()) return it->get<int64_t>();
  return static_cast<int64_t>(it->get<double>());
}

std::optional<std::string> json_text(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  return it->dump();
}

void read_analysis(const json& call, call_fields& out) {
  auto it = call.find("call_analysis");
  if (it == call.end() || !it->is_object()) return;
  out.call_summary = text(*it, "call_summary");
  out.user_sentiment = text(*it, "user_sentiment");
  auto ok = it->find("call_successful");
  if (ok != it->end() && ok->is_boolean()) out.call_successful = ok->get<bool>();
  out.custom_analysis = json_text(*it, "custom_analysis_data");
}

call_fields read_call(const json& call) {
  call_fields out;
  if (!call.is_object()) return out;
  out.call_id = text(call, "call_id").value_or("");
  out.agent_id = text(call, "agent_id").value_or("");
  out.direction = text(call, "direction").value_or("");
  out.from_number = text(call, "from_number");
  out.to_number = text(call, "to_number");
  out.call_status = text(call, "call_status").value_or("");
  out.start_timestamp = integer(call, "start_timestamp");
  out.end_timestamp = integer(call, "end_timestamp");
  out.duration_ms = integer(call, "duration_ms");
  out.disconnection_reason = text(call, "disconnection_reason");
  out.transcript = text(call, "transcript");
  out.transcript_object = json_text(call, "transcript_object");
  read_analysis(call, out);
  auto cost = call.find("call_cost");
  if (cost != call.end() && cost->is_object())
    out.combined_cost_cents = integer(*cost, "combined_cost");
  return out;
}

caf::error bad(std::string detail) {
  return make_error(errc::invalid_argument, std::move(detail));
}

caf::error check_call_id(const std::string& id) {
  if (id.empty()) return bad("missing call.call_id");
  if (id.size() > max_call_id_chars) return bad("call.call_id is longer than 128 characters");
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
      return bad("call.call_id may hold only letters, digits, '_' and '-'");
  return {};
}

/// Names of the caller, in any of the argument spellings functions accept.
bool is_name_arg(const std::string& key) {
  return key == "name" || key == "customer_name" || key == "kundenname";
}

caf::error check_arg(const std::string& key, const std::string& value) {
  const auto limit = is_name_arg(key) ? max_name_chars : max_arg_chars;
  if (value.size() > limit)
    return bad("args." + key.substr(0, 64) + " is longer than " + std::to_string(limit) +
               " characters");
  return {};
}

}  // namespace

Result<event> parse_event(std::string_view body) {
  auto doc = parse_object(body);
  if (!doc) return bad("body is not a JSON object");
  auto name = text(*doc, "event");
  if (!name) name = text(*doc, "event_type");
  if (!name || name->empty()) return bad("missing event");
  event out{*name, {}};
  if (*name == "call_inbound") {
    auto it = doc->find("call_inbound");
    if (it == doc->end() || !it->is_object()) return bad("missing call_inbound object");
    out.call = read_call(*it);
    return out;
  }
  auto call = doc->find("call");
  if (call == doc->end() || !call->is_object()) return bad("missing call object");
  out.call = read_call(*call);
  if (auto err = check_call_id(out.call.call_id)) return err;
  return out;
}

Result<function_call> parse_function_call(std::string_view body) {
  auto doc = parse_object(body);
  if (!doc) return bad("body is not a JSON object");
  auto call = doc->find("call");
  if (call == doc->end() || !call->is_object())
    return bad(
        "the body has no call object (args-only form?): the call id is required; "
        "switch the function off \"args only\"");
  auto name = text(*doc, "name");
  if (!name || name->empty()) return bad("missing name");
  function_call out{*name, {}, read_call(*call)};
  if (auto err = check_call_id(out.call.call_id)) return err;
  auto args = doc->find("args");
  if (args != doc->end() && args->is_object()) {
    for (const auto& [key, value] : args->items()) {
      if (value.is_null()) continue;
      auto text = value.is_string() ? value.get<std::string>() : value.dump();
      if (auto err = check_arg(key, text)) return err;
      out.args[key] = std::move(text);
    }
  }
  return out;
}

std::optional<std::string> dialled_number(std::string_view body) {
  auto doc = parse_object(body);
  if (!doc) return std::nullopt;
  for (const char* holder : {"call_inbound", "call"}) {
    auto it = doc->find(holder);
    if (it != doc->end() && it->is_object())
      if (auto to = text(*it, "to_number")) return to;
  }
  return std::nullopt;
}

std::string inbound_response(const std::map<std::string, std::string>& dynamic_variables,
                             const std::map<std::string, std::string>& metadata) {
  json inbound{{"dynamic_variables", dynamic_variables}, {"metadata", metadata}};
  return json{{"call_inbound", inbound}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string function_response(bool success, const std::string& message,
                              const std::string& data_json,
                              const std::optional<std::string>& error_code) {
  json data = json::parse(data_json, nullptr, false);
  if (data.is_discarded() || !data.is_object()) data = json::object();
  json out{{"success", success}, {"message", message}, {"data", data}};
  if (error_code) out["error"] = json{{"code", *error_code}};
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace askpro::net::retell

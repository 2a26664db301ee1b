#include "actors/tenant/tenant_file.hpp"

#include "actors/tenant/tenant_file_internal.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace askpro::actors::tenant {
namespace {

/// The parser's message without its "[json.exception…] " prefix.
std::string parse_message(const std::exception& e) {
  std::string what = e.what();
  auto close = what.find("] ");
  return close == std::string::npos ? what : what.substr(close + 2);
}

/// Parses `json_text` into `problems` and the document (valid only when no problem arose).
tenant_document parse_into(std::string_view json_text, std::vector<problem>& problems) {
  detail::json_reader reader{problems};
  detail::json root;
  try {
    root = detail::json::parse(json_text.begin(), json_text.end());
  } catch (const std::exception& e) {
    reader.fail("", "not valid JSON: " + parse_message(e));
    return {};
  }
  auto doc = detail::parse_document(reader, root);
  if (root.is_object()) detail::validate_references(reader, doc);
  return doc;
}

}  // namespace

const branch* tenant_document::find_branch(std::string_view slug) const {
  for (const auto& b : branches)
    if (b.slug == slug) return &b;
  return nullptr;
}

std::vector<booking::staff_member> tenant_document::staff_of(std::string_view branch_slug) const {
  std::vector<booking::staff_member> out;
  for (const auto& m : staff)
    if (m.branch == branch_slug) out.push_back(m);
  return out;
}

std::string to_string(const problem& p) {
  return p.path + ": " + p.message;
}

std::vector<problem> tenant_file_problems(std::string_view json_text) {
  std::vector<problem> problems;
  parse_into(json_text, problems);
  return problems;
}

Result<tenant_document> parse_tenant_file(std::string_view json_text) {
  std::vector<problem> problems;
  auto doc = parse_into(json_text, problems);
  if (!problems.empty()) return make_error(errc::invalid_argument, to_string(problems.front()));
  return doc;
}

Result<tenant_document> load_tenant_file(const std::string& file_path) {
  std::ifstream in{file_path, std::ios::binary};
  if (!in) return make_error(errc::not_found, "cannot read tenant file " + file_path);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_tenant_file(text.str());
}

}  // namespace askpro::actors::tenant

#include "actors/booking/matching.hpp"
#include "actors/tenant/tenant_file_internal.hpp"

#include <map>

namespace askpro::actors::tenant::detail {
namespace {

/// Reports every slug of `items` that an earlier element already used.
template <class T>
void unique_slugs(json_reader& r, const std::vector<T>& items, const std::string& list) {
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].slug.empty()) continue;
    auto [it, fresh] = seen.emplace(items[i].slug, i);
    if (!fresh)
      r.fail(
          child_path(index_path(list, i), "slug"),
          "duplicate slug \"" + items[i].slug + "\" (also " + index_path(list, it->second) + ")");
  }
}

void staff_references(json_reader& r, const tenant_document& doc, std::size_t i) {
  const auto& m = doc.staff[i];
  const std::string path = index_path("staff", i);
  if (!m.branch.empty() && doc.find_branch(m.branch) == nullptr)
    r.fail(child_path(path, "branch"), "unknown branch \"" + m.branch + "\"");
  std::map<std::string, std::size_t> seen;
  for (std::size_t j = 0; j < m.services.size(); ++j) {
    const auto& slug = m.services[j];
    if (slug.empty()) continue;
    const auto at = index_path(child_path(path, "services"), j);
    bool known = false;
    for (const auto& s : doc.services) known = known || s.slug == slug;
    if (!known) r.fail(at, "unknown service \"" + slug + "\"");
    if (!seen.emplace(slug, j).second) r.fail(at, "service \"" + slug + "\" listed twice");
  }
}

/// Reports a name or synonym that another service already uses (after normalisation), since
/// callers could then never choose between them.
void distinct_labels(json_reader& r, const std::vector<booking::service>& services) {
  std::map<std::string, std::size_t> owner;
  auto claim = [&](const std::string& label, std::size_t i, const std::string& at) {
    auto key = booking::normalize_label(label);
    if (key.empty()) return;
    auto [it, fresh] = owner.emplace(key, i);
    if (!fresh && it->second != i)
      r.fail(at, "\"" + label + "\" also names service \"" + services[it->second].slug + "\"");
  };
  for (std::size_t i = 0; i < services.size(); ++i) {
    const auto path = index_path("services", i);
    claim(services[i].name, i, child_path(path, "name"));
    for (std::size_t k = 0; k < services[i].synonyms.size(); ++k)
      claim(services[i].synonyms[k], i, index_path(child_path(path, "synonyms"), k));
  }
}

}  // namespace

void validate_references(json_reader& r, const tenant_document& doc) {
  unique_slugs(r, doc.branches, "branches");
  unique_slugs(r, doc.services, "services");
  unique_slugs(r, doc.staff, "staff");
  for (std::size_t i = 0; i < doc.staff.size(); ++i) staff_references(r, doc, i);
  distinct_labels(r, doc.services);
}

}  // namespace askpro::actors::tenant::detail

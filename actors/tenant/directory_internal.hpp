#pragma once
/// Internals of the tenant directory (tenant_directory.hpp) shared by its source files.
/// Thread-safety: used only inside the directory actor's handlers.

#include "actors/tenant/tenant_directory.hpp"
#include "persistence/repo/catalog_records.hpp"

#include "runtime/counted_actor.hpp"

#include <caf/event_based_actor.hpp>
#include <caf/response_promise.hpp>
#include <caf/stateful_actor.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace askpro::actors::tenant::detail {

enum class phase { loading, loaded, stopping };

struct entry {
  phase ph = phase::loading;
  std::vector<caf::response_promise> waiting;  ///< lookups answered when loaded (or failed)
  tenant_model_ptr model;
  runtime::clock::time_point loaded_at{}, last_lookup{};
};

struct directory_state {
  directory_config cfg;
  std::map<std::string, entry> tenants;
  int64_t loads = 0, stops = 0;
  static inline const char* name = "tenant_directory";

  std::string path_of(const std::string& slug) const {
    return runtime::tree_registry::join(cfg.tenant.tenants_path, slug);
  }
};
using directory_actor = runtime::counted_stateful<directory_state>;

/// Answers a lookup: at once when loaded, otherwise when the load finishes.
void lookup(directory_actor* self, const std::string& slug, caf::response_promise rp);

/// Stops a loaded tenant; `done()` runs once it is stopped (or the stop failed).
void stop_tenant(directory_actor* self, const std::string& slug, std::function<void()> done);

/// The idle check: stops tenants idle for at least cfg.idle; `done(stopped slugs)` at the end.
void idle_check(directory_actor* self, std::function<void(std::vector<std::string>)> done);

}  // namespace askpro::actors::tenant::detail

namespace askpro::actors::tenant::detail {
/// The catalog as the reply of the directory's /db read task.
struct loaded_catalog {
  persistence::tenant_catalog catalog;
};
}  // namespace askpro::actors::tenant::detail

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::tenant::detail::loaded_catalog)

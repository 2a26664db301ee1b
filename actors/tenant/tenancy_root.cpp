#include "actors/tenant/tenancy_root.hpp"

#include "persistence/db_actor.hpp"

namespace askpro::actors::tenant {

runtime::supervisor_spec tenancy_root_spec(const config::storage_settings& storage,
                                           directory_config cfg) {
  const auto reg = cfg.tenant.registry;
  const auto clk = cfg.tenant.clock;
  runtime::supervisor_spec spec;
  spec.path = "/";
  spec.kind = "root";
  spec.registry = reg;
  spec.clock = clk;
  spec.children.push_back(persistence::db_child_spec(storage, reg, clk));
  spec.children.push_back(tenants_child_spec(reg, clk));
  spec.children.push_back(directory_child_spec(std::move(cfg)));
  return spec;
}

}  // namespace askpro::actors::tenant

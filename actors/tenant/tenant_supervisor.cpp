#include "actors/tenant/tenant_supervisor.hpp"

#include "actors/billing/billing.hpp"
#include "actors/booking/booking_actor.hpp"
#include "actors/calendar/internal_provider.hpp"
#include "actors/call/call_session.hpp"
#include "runtime/atoms.hpp"
#include "runtime/breaker.hpp"

#include <caf/all.hpp>

namespace askpro::actors::tenant {
namespace {

runtime::supervisor_spec base_spec(const tenant_options& opts, runtime::strategy strat) {
  runtime::supervisor_spec spec;
  spec.strat = strat;
  spec.intensity = 5;
  spec.period = std::chrono::seconds{10};
  spec.registry = opts.registry;
  spec.clock = opts.clock;
  return spec;
}

/// A client for a Cal.com branch when the application gave none: every request fails.
class unconnected_calendar final : public calendar::remote_calendar {
 public:
  template <class T>
  static Result<T> refused() {
    return make_error(errc::calendar_unavailable, "no Cal.com client configured");
  }
  Result<std::vector<int64_t>> slots(const calendar::remote_slots_query&) override {
    return refused<std::vector<int64_t>>();
  }
  Result<calendar::remote_booking> book(const calendar::remote_booking_input&) override {
    return refused<calendar::remote_booking>();
  }
  Result<std::optional<calendar::remote_booking>> find(int64_t, int64_t, int64_t,
                                                       const std::string&) override {
    return refused<std::optional<calendar::remote_booking>>();
  }
  Result<calendar::remote_booking> cancel(const std::string&, const std::string&) override {
    return refused<calendar::remote_booking>();
  }
  Result<calendar::remote_booking> reschedule(const std::string&, int64_t,
                                              const std::string&) override {
    return refused<calendar::remote_booking>();
  }
  std::optional<std::chrono::milliseconds> retry_after() const override { return std::nullopt; }
};

calendar::remote_config remote_config_of(const tenant_model& model, const branch_model& branch,
                                         const tenant_options& opts) {
  if (opts.remote && opts.remote->make) return opts.remote->make(model, branch);
  calendar::remote_config cfg;
  cfg.factory = [] { return std::make_unique<unconnected_calendar>(); };
  cfg.gate = calendar::make_local_gate(1, std::chrono::milliseconds{1});
  return cfg;
}

runtime::child_spec connection_spec(const tenant_model_ptr& model, const branch_model& branch,
                                    const tenant_options& opts) {
  calendar::provider_config cfg;
  cfg.model = model;
  cfg.branch = branch.slug;
  cfg.registry = opts.registry;
  cfg.clock = opts.clock;
  cfg.db_timeout = opts.db_timeout;
  cfg.db_path = opts.db_path;
  cfg.notify = opts.notify;
  auto start = branch.calendar.calcom()
                   ? calendar::remote_provider_start(cfg, remote_config_of(*model, branch, opts))
                   : calendar::internal_provider_start(cfg);
  return {"conn", "calendar", std::move(start), runtime::restart_type::permanent, opts.shutdown};
}

/// The breaker of a branch: the tenant options' for the internal calendar, the remote
/// calendars' for Cal.com (our own throttling is not counted as the provider failing).
runtime::breaker_spec breaker_of(const branch_model& branch, const tenant_options& opts) {
  runtime::breaker_spec breaker;
  breaker.max_failures = opts.breaker_max_failures;
  breaker.call_timeout = opts.calendar_timeout;
  breaker.reset_timeout = opts.breaker_reset;
  if (branch.calendar.calcom() && opts.remote) {
    breaker.max_failures = opts.remote->breaker_failures;
    breaker.call_timeout = opts.remote->call_timeout;
    breaker.reset_timeout = opts.remote->breaker_reset;
    breaker.max_reset_timeout = opts.remote->breaker_reset_max;
    breaker.is_failure = calendar::remote_is_failure;
  }
  return breaker;
}

runtime::child_spec branch_spec(const tenant_model_ptr& model, const branch_model& branch,
                                const tenant_options& opts) {
  auto breaker = breaker_of(branch, opts);
  breaker.child = connection_spec(model, branch, opts);
  breaker.open_error = errc::calendar_unavailable;
  breaker.registry = opts.registry;
  breaker.clock = opts.clock;
  auto spec = base_spec(opts, runtime::strategy::one_for_one);
  spec.children.push_back({"breaker", "breaker", runtime::breaker_start(std::move(breaker)),
                           runtime::restart_type::permanent, opts.shutdown});
  return {branch.slug, "calendar_branch", runtime::supervisor_start(std::move(spec)),
          runtime::restart_type::permanent, opts.shutdown};
}

runtime::child_spec calendars_spec(const tenant_model_ptr& model, const tenant_options& opts) {
  auto spec = base_spec(opts, runtime::strategy::one_for_one);
  for (const auto& b : model->branches) spec.children.push_back(branch_spec(model, b, opts));
  return {"calendars", "supervisor", runtime::supervisor_start(std::move(spec)),
          runtime::restart_type::permanent, opts.shutdown};
}

runtime::child_spec booking_spec(const tenant_model_ptr& model, const tenant_options& opts) {
  booking::booking_config cfg;
  cfg.model = model;
  cfg.tenant_path = runtime::tree_registry::join(opts.tenants_path, model->slug);
  cfg.registry = opts.registry;
  cfg.clock = opts.clock;
  cfg.call_timeout = opts.booking_timeout;
  cfg.db_timeout = opts.db_timeout;
  cfg.db_path = opts.db_path;
  return {"booking", "booking", booking::booking_actor_start(std::move(cfg)),
          runtime::restart_type::permanent, opts.shutdown};
}

runtime::child_spec billing_spec(const tenant_model_ptr& model, const tenant_options& opts) {
  billing::billing_config cfg;
  cfg.slug = model->slug;
  cfg.company_id = model->company_id;
  cfg.registry = opts.registry;
  cfg.clock = opts.clock;
  cfg.db_path = opts.db_path;
  cfg.db_timeout = opts.db_timeout;
  return {"billing", "billing", billing::billing_actor_start(std::move(cfg)),
          runtime::restart_type::permanent, opts.shutdown};
}

runtime::child_spec calls_spec(const tenant_options& opts) {
  auto spec = base_spec(opts, runtime::strategy::simple_one_for_one);
  spec.intensity = 50;
  spec.child_template = {"call", "call", call::call_session_start(),
                         runtime::restart_type::temporary, opts.shutdown};
  return {"calls", "supervisor", runtime::supervisor_start(std::move(spec)),
          runtime::restart_type::permanent, opts.shutdown};
}

}  // namespace

runtime::child_spec tenant_child_spec(tenant_model_ptr model, const tenant_options& opts) {
  auto spec = base_spec(opts, runtime::strategy::rest_for_one);
  spec.kind = "tenant";
  spec.children.push_back(calendars_spec(model, opts));
  spec.children.push_back(booking_spec(model, opts));
  spec.children.push_back(calls_spec(opts));
  spec.children.push_back(billing_spec(model, opts));
  return {model->slug, "tenant", runtime::supervisor_start(std::move(spec)),
          runtime::restart_type::temporary, opts.shutdown};
}

runtime::child_spec tenants_child_spec(runtime::registry_ptr registry, runtime::clock_ptr clock) {
  runtime::supervisor_spec spec;
  spec.strat = runtime::strategy::one_for_one;
  spec.intensity = 10;
  spec.period = std::chrono::seconds{10};
  spec.registry = std::move(registry);
  spec.clock = std::move(clock);
  return {"tenants", "supervisor", runtime::supervisor_start(std::move(spec)),
          runtime::restart_type::permanent, std::chrono::seconds{10}};
}

}  // namespace askpro::actors::tenant

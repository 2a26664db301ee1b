// Loading a tenant on first use: catalog through /db, model, start_child under /tenants, wait
// for the tenant's children, then answer every lookup that waited.
#include "actors/booking/messages.hpp"
#include "actors/tenant/directory_internal.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "runtime/atoms.hpp"

#include <spdlog/spdlog.h>
#include <caf/all.hpp>

namespace askpro::actors::tenant::detail {
namespace {

using persistence::connection;

bool valid_slug(const std::string& slug) {
  if (slug.empty() || slug.size() > 64) return false;
  for (char c : slug)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

Result<loaded_catalog> read_catalog(connection& conn, const std::string& slug) {
  auto company = persistence::find_company(conn, slug);
  if (!company) return std::move(company.error());
  if (!*company || (*company)->status != "active")
    return make_error(errc::not_found, "no active tenant " + slug);
  auto catalog = persistence::load_catalog(conn, persistence::tenant_scope{(*company)->id});
  if (!catalog) return std::move(catalog.error());
  return loaded_catalog{std::move(*catalog)};
}

/// Answers every waiting lookup with `err` and forgets the entry.
void fail_all(directory_actor* self, const std::string& slug, const caf::error& err) {
  auto it = self->state.tenants.find(slug);
  if (it == self->state.tenants.end()) return;
  auto waiting = std::move(it->second.waiting);
  self->state.tenants.erase(it);
  spdlog::warn("tenant {}: load failed: {}", slug, describe(err));
  for (auto& rp : waiting) rp.deliver(err);
}

tenant_handle handle_of(directory_actor* self, const std::string& slug, const entry& e) {
  auto path = self->state.path_of(slug);
  return {slug,    e.model->company_id,
          path,    self->state.cfg.tenant.registry->actor_at(path + "/booking"),
          e.model, self->state.cfg.tenant.notify};
}

void loaded(directory_actor* self, const std::string& slug) {
  auto it = self->state.tenants.find(slug);
  if (it == self->state.tenants.end()) return;
  auto& e = it->second;
  e.ph = phase::loaded;
  e.loaded_at = e.last_lookup = self->state.cfg.tenant.clock->now();
  ++self->state.loads;
  spdlog::info("tenant {} loaded ({} branches)", slug, e.model->branches.size());
  auto waiting = std::move(e.waiting);
  auto handle = handle_of(self, slug, e);
  for (auto& rp : waiting) rp.deliver(handle);
}

/// Pings the supervisors at `paths` in order (each answers once its static children are started
/// and registered), then marks the tenant loaded: nested supervisors (calendars, one per
/// branch) start their children asynchronously, so a ping of the tenant alone is not enough.
void await_ready(directory_actor* self, const std::string& slug, std::vector<std::string> paths,
                 std::size_t next) {
  if (next == paths.size()) return loaded(self, slug);
  auto sup = self->state.cfg.tenant.registry->actor_at(paths[next]);
  if (!sup) return fail_all(self, slug, make_error(errc::internal, "tenant subtree incomplete"));
  self->request(sup, self->state.cfg.ask_timeout, runtime::ping_atom::value)
      .then([self, slug, paths,
             next](caf::ok_atom) { await_ready(self, slug, std::move(paths), next + 1); },
            [self, slug](caf::error& err) { fail_all(self, slug, err); });
}

std::vector<std::string> supervisors_of(const directory_state& st, const std::string& slug) {
  auto path = st.path_of(slug);
  std::vector<std::string> out{path, path + "/calendars"};
  for (const auto& b : st.tenants.at(slug).model->branches)
    out.push_back(path + "/calendars/" + b.slug);
  return out;
}

void start_tenant(directory_actor* self, const std::string& slug, bool retried) {
  auto& st = self->state;
  auto tenants = st.cfg.tenant.registry->actor_at(st.cfg.tenant.tenants_path);
  if (!tenants) return fail_all(self, slug, make_error(errc::unavailable, "tenants not running"));
  auto spec = tenant_child_spec(st.tenants.at(slug).model, st.cfg.tenant);
  self->request(tenants, st.cfg.ask_timeout, runtime::start_child_atom::value, std::move(spec))
      .then([self,
             slug](caf::actor&) { await_ready(self, slug, supervisors_of(self->state, slug), 0); },
            [self, slug, retried, tenants](caf::error& err) {
              if (retried || code_of(err) != errc::conflict) return fail_all(self, slug, err);
              // A subtree left from an earlier directory incarnation: replace it.
              self->request(tenants, self->state.cfg.ask_timeout, runtime::stop_child_atom::value,
                            slug)
                  .then([self, slug](caf::ok_atom) { start_tenant(self, slug, true); },
                        [self, slug](caf::error& e) { fail_all(self, slug, e); });
            });
}

void start_load(directory_actor* self, const std::string& slug) {
  auto& st = self->state;
  auto db = st.cfg.tenant.registry->actor_at(st.cfg.tenant.db_path);
  if (!db) return fail_all(self, slug, make_error(errc::unavailable, "database not running"));
  persistence::request_db<loaded_catalog>(self, db, persistence::access::read,
                                          st.cfg.tenant.db_timeout,
                                          [slug](connection& c) { return read_catalog(c, slug); })
      .then(
          [self, slug](loaded_catalog& loaded) {
            auto model = make_tenant_model(loaded.catalog);
            if (!model) return fail_all(self, slug, model.error());
            auto it = self->state.tenants.find(slug);
            if (it == self->state.tenants.end()) return;
            it->second.model = std::make_shared<const tenant_model>(std::move(*model));
            start_tenant(self, slug, false);
          },
          [self, slug](caf::error& err) { fail_all(self, slug, err); });
}

}  // namespace

void lookup(directory_actor* self, const std::string& slug, caf::response_promise rp) {
  if (!valid_slug(slug))
    return rp.deliver(make_error(errc::invalid_argument, "bad tenant slug")), void();
  auto& st = self->state;
  auto it = st.tenants.find(slug);
  if (it == st.tenants.end()) {
    st.tenants[slug].waiting.push_back(rp);
    return start_load(self, slug);
  }
  auto& e = it->second;
  if (e.ph != phase::loaded) return e.waiting.push_back(rp);
  auto handle = handle_of(self, slug, e);
  if (handle.booking) {
    e.last_lookup = st.cfg.tenant.clock->now();
    return rp.deliver(std::move(handle)), void();
  }
  // The subtree went away (it failed, or an operator stopped it): replace it.
  e.waiting.push_back(rp);
  stop_tenant(self, slug, [] {});
}

void stop_tenant(directory_actor* self, const std::string& slug, std::function<void()> done) {
  auto& st = self->state;
  auto it = st.tenants.find(slug);
  if (it == st.tenants.end() || it->second.ph == phase::loading) return done();
  it->second.ph = phase::stopping;
  auto finish = [self, slug, done] {
    ++self->state.stops;
    auto it = self->state.tenants.find(slug);
    if (it != self->state.tenants.end()) {
      if (it->second.waiting.empty()) {
        self->state.tenants.erase(it);
      } else {
        it->second.ph = phase::loading;
        start_load(self, slug);
      }
    }
    spdlog::info("tenant {} stopped", slug);
    done();
  };
  auto tenants = st.cfg.tenant.registry->actor_at(st.cfg.tenant.tenants_path);
  if (!tenants) return finish();
  self->request(tenants, st.cfg.ask_timeout, runtime::stop_child_atom::value, slug)
      .then([finish](caf::ok_atom) { finish(); }, [finish](caf::error&) { finish(); });
}

}  // namespace askpro::actors::tenant::detail

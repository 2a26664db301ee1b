#pragma once
/// Provisioning: a validated tenant file as the catalog rows `persistence::apply_tenant` writes.
/// Thread-safety: a pure function. Ownership: returns a new value.
///
/// Mapping: the company's `booking` block → slot/notice/horizon/TTL fields, `billing` →
/// price/rounding/low-balance fields; branch hours → one `weekly_interval` per interval
/// (weekday 0 = Monday); closed dates and special-hours dates → "YYYY-MM-DD" (a special day
/// without intervals stays, meaning closed); the branch's calendar settings → `calendar_config`
/// JSON text (secret: provider credentials; `{}` for the internal calendar); staff with own
/// hours → `own_hours` and their week, staff without → the branch's hours apply. The company's
/// `notifications` (defaults filled in) and a branch's `notify` → their normalised JSON text
/// (actors/notify/notify_settings.hpp `to_json_text`), so an unchanged file writes nothing.

#include "actors/tenant/tenant_file.hpp"
#include "persistence/repo/catalog_records.hpp"

namespace askpro::actors::tenant {

/// The catalog of `doc` (ids unset, every row active).
persistence::tenant_catalog to_catalog(const tenant_document& doc);

}  // namespace askpro::actors::tenant

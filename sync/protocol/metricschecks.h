#pragma once

#include "core/common/result.h"
#include "core/model/recordkind.h"
#include "sync/protocol/apierror.h"

#include <QJsonObject>
#include <QString>

namespace outward::protocol {

// The header's metrics against crypto.md 8.2 for its kind, as the server checks them on push
// (protocol.md 11.2 step 4): every member the table lists has its JSON type and range, members
// marked always present are there, members the table does not list are allowed (a newer client
// may add one), and a tombstone's metrics are {}. Failure is invalid_metrics with the member's
// path, e.g. "items[2].header.metrics.customerReported.nps" (`metricsPath` is the path of the
// metrics object itself).
[[nodiscard]] Result<void, ItemError>
checkMetrics(RecordKind kind, bool deleted, const QJsonObject &metrics, const QString &metricsPath);

} // namespace outward::protocol

#include "sync/server/storage/serverstore.h"

using namespace Qt::StringLiterals;

namespace outward::server {

QString roleName(Role role)
{
    switch (role) {
    case Role::Staff:
        return u"staff"_s;
    case Role::Lead:
        return u"lead"_s;
    case Role::Admin:
        return u"admin"_s;
    }
    return u"staff"_s;
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role role : {Role::Staff, Role::Lead, Role::Admin}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

QString linkStatusName(LinkStatus status)
{
    switch (status) {
    case LinkStatus::Waiting:
        return u"waiting"_s;
    case LinkStatus::Claimed:
        return u"claimed"_s;
    case LinkStatus::Registered:
        return u"registered"_s;
    case LinkStatus::Expired:
        return u"expired"_s;
    }
    return u"expired"_s;
}

QString pushCodeName(PushCode code)
{
    switch (code) {
    case PushCode::None:
        return QString();
    case PushCode::IdTaken:
        return u"id_taken"_s;
    case PushCode::KindChanged:
        return u"kind_changed"_s;
    case PushCode::ClockReused:
        return u"clock_reused"_s;
    case PushCode::RecordDeleted:
        return u"record_deleted"_s;
    }
    return QString();
}

} // namespace outward::server

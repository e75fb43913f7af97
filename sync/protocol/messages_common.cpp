#include "sync/protocol/messages_common.h"

#include "sync/protocol/messagereading.h"

using namespace Qt::StringLiterals;

namespace outward::protocol {

QJsonObject Team::toJson() const
{
    return QJsonObject{{"id"_L1, id}, {"name"_L1, name}};
}

ApiResult<Team> Team::fromJson(const QJsonObject &json, const QString &path)
{
    JsonObjectReader reader(json, path);
    Team team;
    OW_READ(team.id, reader.requireUuid(u"id"_s));
    OW_READ(team.name, reader.requireString(u"name"_s));
    return team;
}

QJsonObject NewDevice::toJson() const
{
    return QJsonObject{{"public_key"_L1, base64url::encode(publicKey)}, {"name"_L1, name}};
}

ApiResult<NewDevice> NewDevice::fromJson(const QJsonObject &json, const QString &path)
{
    JsonObjectReader reader(json, path);
    NewDevice device;
    OW_READ(device.publicKey, reader.requireBase64(u"public_key"_s, kPublicKeyBytes));
    OW_READ(device.name, reader.requireName(u"name"_s));
    OW_CHECK(reader.finish());
    return device;
}

QJsonObject KeyringBlobs::toJson() const
{
    return QJsonObject{
        {"box_public_key"_L1, base64url::encode(boxPublicKey)},
        {"sign_public_key"_L1, base64url::encode(signPublicKey)},
        {"wrapped_secret_keys"_L1, base64url::encode(wrappedSecretKeys)},
        {"recovery_wrapped_master_key"_L1, base64url::encode(recoveryWrappedMasterKey)},
    };
}

ApiResult<KeyringBlobs> KeyringBlobs::fromJson(const QJsonObject &json, const QString &path)
{
    JsonObjectReader reader(json, path);
    KeyringBlobs blobs;
    OW_READ(blobs.boxPublicKey, reader.requireBase64(u"box_public_key"_s, kPublicKeyBytes));
    OW_READ(blobs.signPublicKey, reader.requireBase64(u"sign_public_key"_s, kPublicKeyBytes));
    OW_READ(blobs.wrappedSecretKeys,
            reader.requireBase64(u"wrapped_secret_keys"_s, kWrappedSecretKeysBytes));
    OW_READ(blobs.recoveryWrappedMasterKey,
            reader.requireBase64(u"recovery_wrapped_master_key"_s, kRecoveryWrappedMasterKeyBytes));
    return blobs;
}

} // namespace outward::protocol

#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace outward {

// Each enum that travels as JSON specialises EnumNames with its table of {value, name}; the
// names are the JSON spelling (lowerCamelCase) and never change once released.
template<typename E>
struct EnumNames;

template<typename E>
struct EnumEntry
{
    E value;
    QLatin1StringView name;
};

template<typename E>
QString enumName(E value)
{
    for (const auto &entry : EnumNames<E>::entries)
        if (entry.value == value)
            return QString(entry.name);
    return {};
}

template<typename E>
std::optional<E> enumFromName(QStringView name)
{
    for (const auto &entry : EnumNames<E>::entries)
        if (name == entry.name)
            return entry.value;
    return std::nullopt;
}

template<typename E>
QStringList enumNameList()
{
    QStringList names;
    for (const auto &entry : EnumNames<E>::entries)
        names << QString(entry.name);
    return names;
}

template<typename E>
constexpr auto allEnumValues()
{
    std::array<E, EnumNames<E>::entries.size()> values{};
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = EnumNames<E>::entries[i].value;
    return values;
}

} // namespace outward

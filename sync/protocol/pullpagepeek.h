#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace outward::protocol {

// `cursor` and `has_more` of a pull page's JSON (protocol.md 12.2), found without parsing the
// items, so a client can ask for the next page while this one is still being parsed. Only a
// hint: nullopt when the text is not a JSON object with both members at its top level in the
// forms the protocol gives them (a whole number, true or false); the page itself is still
// parsed and checked in full, and a next page asked for on a wrong hint is dropped unread.
struct PullPagePeek
{
    qint64 cursor = 0;
    bool hasMore = false;
};

std::optional<PullPagePeek> peekPullPage(QByteArrayView json);

} // namespace outward::protocol

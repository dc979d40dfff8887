#include "lit/JsonUtil.h"

#include "common/JsonSyntaxError.h"
#include "common/JsonText.h"

#include <set>
#include <vector>

namespace quill::lit::detail {

Result<AuthSig> authSigFromJson(const OrderedJson &object)
{
    if (!object.is_object())
        return Error{ErrorCode::LitCapability, QStringLiteral("must be a JSON object")};
    AuthSig out;
    bool have[4] = {};
    for (const auto &[key, value] : object.items()) {
        const auto field = QString::fromStdString(key);
        if (key == "algo") {
            if (value.is_null())
                continue;
            if (!value.is_string())
                return Error{ErrorCode::LitCapability, QStringLiteral("algo must be a string or null")};
            out.algo = value.get<std::string>();
            continue;
        }
        std::string *target = nullptr;
        int index = -1;
        if (key == "sig")
            target = &out.sig, index = 0;
        else if (key == "derivedVia")
            target = &out.derivedVia, index = 1;
        else if (key == "signedMessage")
            target = &out.signedMessage, index = 2;
        else if (key == "address")
            target = &out.address, index = 3;
        else
            return Error{ErrorCode::LitCapability,
                         QStringLiteral("unknown key %1 (Lit nodes reject it)").arg(field)};
        if (!value.is_string())
            return Error{ErrorCode::LitCapability, QStringLiteral("%1 must be a string").arg(field)};
        *target = value.get<std::string>();
        have[index] = true;
    }
    static const char *const kNames[] = {"sig", "derivedVia", "signedMessage", "address"};
    for (int i = 0; i < 4; ++i)
        if (!have[i])
            return Error{ErrorCode::LitCapability,
                         QStringLiteral("missing %1").arg(QString::fromLatin1(kNames[i]))};
    return out;
}

namespace {

void write(std::string &out, const OrderedJson &v)
{
    switch (v.type()) {
    case OrderedJson::value_t::object: {
        out += '{';
        bool first = true;
        for (const auto &[key, value] : v.items()) {
            if (!first)
                out += ',';
            first = false;
            appendJsonString(out, key);
            out += ':';
            write(out, value);
        }
        out += '}';
        break;
    }
    case OrderedJson::value_t::array: {
        out += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i)
                out += ',';
            write(out, v[i]);
        }
        out += ']';
        break;
    }
    case OrderedJson::value_t::string:
        appendJsonString(out, v.get_ref<const std::string &>());
        break;
    default:
        out += v.dump();
    }
}

} // namespace

std::string stringify(const OrderedJson &value)
{
    std::string out;
    write(out, value);
    return out;
}

} // namespace quill::lit::detail

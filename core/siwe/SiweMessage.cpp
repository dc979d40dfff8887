#include "siwe/SiweMessage.h"

#include "eth/Address.h"

#include <charconv>

namespace quill::siwe {

namespace {

constexpr std::string_view kHeaderSuffix = " wants you to sign in with your Ethereum account:";

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool isUnreserved(char c)
{
    return isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
bool isSubDelim(char c)
{
    return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos;
}
bool isReserved(char c)
{
    return isSubDelim(c) || std::string_view(":/?#[]@").find(c) != std::string_view::npos;
}
bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Characters of a URI or authority: unreserved, reserved, and "%" HEXDIG HEXDIG.
bool uriChars(std::string_view s, bool allowReserved)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%') {
            if (i + 2 >= s.size() || !isHexDigit(s[i + 1]) || !isHexDigit(s[i + 2]))
                return false;
            i += 2;
        } else if (!isUnreserved(c) && !(allowReserved ? isReserved(c) : isSubDelim(c))) {
            return false;
        }
    }
    return true;
}

Error fieldError(ErrorCode code, const char *what)
{
    return Error{code, QString::fromLatin1(what)};
}

Status validateTime(const std::optional<std::string> &value, ErrorCode code)
{
    if (value) {
        if (auto t = parseRfc3339(*value); !t)
            return Error{code, t.error().context};
    }
    return okStatus();
}

} // namespace

bool isValidStatement(std::string_view statement)
{
    for (char c : statement)
        if (!isUnreserved(c) && !isReserved(c) && c != ' ')
            return false;
    return true;
}

bool isValidUri(std::string_view uri)
{
    const auto colon = uri.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return false;
    const auto scheme = uri.substr(0, colon);
    if (!((scheme[0] >= 'a' && scheme[0] <= 'z') || (scheme[0] >= 'A' && scheme[0] <= 'Z')))
        return false;
    for (char c : scheme)
        if (!isAlnum(c) && c != '+' && c != '-' && c != '.')
            return false;
    return uriChars(uri.substr(colon + 1), true);
}

bool isValidAuthority(std::string_view domain)
{
    if (domain.empty())
        return false;
    if (const auto at = domain.rfind('@'); at != std::string_view::npos) {
        for (char c : domain.substr(0, at))
            if (!isUnreserved(c) && !isSubDelim(c) && c != ':' && c != '%')
                return false;
        domain.remove_prefix(at + 1);
    }
    std::string_view host = domain;
    std::string_view port;
    if (!domain.empty() && domain[0] == '[') {
        const auto close = domain.find(']');
        if (close == std::string_view::npos)
            return false;
        for (char c : domain.substr(1, close - 1))
            if (!isHexDigit(c) && c != ':' && c != '.')
                return false;
        host = domain.substr(0, close + 1);
        const auto rest = domain.substr(close + 1);
        if (!rest.empty()) {
            if (rest[0] != ':')
                return false;
            port = rest.substr(1);
        }
    } else if (const auto colon = domain.rfind(':'); colon != std::string_view::npos) {
        host = domain.substr(0, colon);
        port = domain.substr(colon + 1);
        if (port.empty())
            return false;
    }
    if (host.empty() || (host[0] != '[' && !uriChars(host, false)))
        return false;
    for (char c : port)
        if (c < '0' || c > '9')
            return false;
    return true;
}

std::string SiweMessage::render() const
{
    std::string out;
    out.reserve(512 + (statement ? statement->size() : 0));
    out += domain;
    out += kHeaderSuffix;
    out += '\n';
    out += address;
    out += '\n';
    // siwe prepareMessage(): [prefix, statement].join('\n\n') then '\n' before the suffix
    // only when the statement is truthy, so an absent or empty statement yields two
    // empty lines.
    if (statement && !statement->empty()) {
        out += '\n';
        out += *statement;
        out += "\n\n";
    } else {
        out += "\n\n";
    }
    out += "URI: " + uri;
    out += "\nVersion: " + version;
    out += "\nChain ID: " + std::to_string(chainId);
    out += "\nNonce: " + nonce;
    out += "\nIssued At: " + issuedAt;
    if (expirationTime)
        out += "\nExpiration Time: " + *expirationTime;
    if (notBefore)
        out += "\nNot Before: " + *notBefore;
    if (requestId)
        out += "\nRequest ID: " + *requestId;
    if (!resources.empty()) {
        out += "\nResources:";
        for (const auto &r : resources)
            out += "\n- " + r;
    }
    return out;
}

Status SiweMessage::validate() const
{
    if (!isValidAuthority(domain))
        return fieldError(ErrorCode::SiweDomain, "not an RFC 3986 authority (host[:port])");
    auto addr = eth::Address::parse(address);
    if (!addr)
        return Error{ErrorCode::SiweAddress, addr.error().context};
    if (addr->toChecksummed() != address)
        return fieldError(ErrorCode::SiweAddress, "address must be EIP-55 checksummed");
    if (statement && !isValidStatement(*statement))
        return fieldError(ErrorCode::SiweStatement,
                          "only RFC 3986 reserved/unreserved characters and spaces are allowed "
                          "(no line breaks, quotes, %, or non-ASCII)");
    if (!isValidUri(uri))
        return fieldError(ErrorCode::SiweUri, "not an RFC 3986 URI");
    if (version != "1")
        return fieldError(ErrorCode::SiweVersion, "must be 1");
    if (nonce.size() < 8)
        return fieldError(ErrorCode::SiweNonce, "must have at least 8 characters");
    for (char c : nonce)
        if (!isAlnum(c))
            return fieldError(ErrorCode::SiweNonce, "must be ASCII letters and digits only");
    if (auto t = parseRfc3339(issuedAt); !t)
        return Error{ErrorCode::SiweIssuedAt, t.error().context};
    if (auto st = validateTime(expirationTime, ErrorCode::SiweExpirationTime); !st)
        return st;
    if (auto st = validateTime(notBefore, ErrorCode::SiweNotBefore); !st)
        return st;
    if (requestId) {
        for (char c : *requestId)
            if (!isUnreserved(c) && !isSubDelim(c) && c != ':' && c != '@' && c != '%')
                return fieldError(ErrorCode::SiweRequestId, "not RFC 3986 pchar characters");
    }
    for (const auto &r : resources)
        if (!isValidUri(r))
            return Error{ErrorCode::SiweResources,
                         QStringLiteral("not an RFC 3986 URI: %1").arg(QString::fromStdString(r))};
    return okStatus();
}

Result<SiweMessage> SiweMessage::parse(std::string_view text)
{
    std::vector<std::string_view> lines;
    for (std::size_t start = 0;;) {
        const auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    for (auto l : lines)
        if (l.find('\r') != std::string_view::npos)
            return fieldError(ErrorCode::SiweSyntax, "carriage return; lines must end with LF");

    SiweMessage m;
    std::size_t i = 0;
    auto line = [&]() -> std::string_view { return i < lines.size() ? lines[i] : std::string_view(); };
    auto more = [&]() { return i < lines.size(); };

    // Header.
    const auto header = line();
    if (header.size() <= kHeaderSuffix.size() ||
        header.substr(header.size() - kHeaderSuffix.size()) != kHeaderSuffix)
        return fieldError(ErrorCode::SiweSyntax,
                          "line 1 must be '<domain> wants you to sign in with your Ethereum "
                          "account:'");
    m.domain = std::string(header.substr(0, header.size() - kHeaderSuffix.size()));
    if (m.domain.find("://") != std::string::npos)
        return fieldError(ErrorCode::SiweDomain, "a scheme before the domain is not supported");
    if (!isValidAuthority(m.domain))
        return fieldError(ErrorCode::SiweDomain, "not an RFC 3986 authority (host[:port])");
    ++i;

    // Address.
    if (!more())
        return fieldError(ErrorCode::SiweAddress, "missing address line");
    m.address = std::string(line());
    auto addr = eth::Address::parse(m.address);
    if (!addr)
        return Error{ErrorCode::SiweAddress, addr.error().context};
    if (addr->toChecksummed() != m.address)
        return fieldError(ErrorCode::SiweAddress, "address must be EIP-55 checksummed");
    ++i;

    // Empty line, then either (statement, empty line) or one more empty line.
    if (!more() || !line().empty())
        return fieldError(ErrorCode::SiweSyntax, "expected an empty line after the address");
    ++i;
    if (!more())
        return fieldError(ErrorCode::SiweUri, "missing URI line");
    if (line().empty()) {
        ++i;
    } else if (line().substr(0, 5) != "URI: " || (i + 1 < lines.size() && lines[i + 1].empty())) {
        m.statement = std::string(line());
        if (!isValidStatement(*m.statement))
            return fieldError(ErrorCode::SiweStatement,
                              "only RFC 3986 reserved/unreserved characters and spaces allowed");
        ++i;
        if (!more() || !line().empty())
            return fieldError(ErrorCode::SiweSyntax, "expected an empty line after the statement");
        ++i;
    } else {
        return fieldError(ErrorCode::SiweSyntax,
                          "expected a statement or an empty line before the URI");
    }

    auto tagged = [&](std::string_view tag, ErrorCode code,
                      std::string &out) -> Status {
        if (!more() || line().substr(0, tag.size()) != tag)
            return Error{code, QStringLiteral("expected '%1' line").arg(
                                   QString::fromLatin1(tag.data(), qsizetype(tag.size())))};
        out = std::string(line().substr(tag.size()));
        ++i;
        return okStatus();
    };
    auto optionalTagged = [&](std::string_view tag, std::optional<std::string> &out) {
        if (more() && line().substr(0, tag.size()) == tag) {
            out = std::string(line().substr(tag.size()));
            ++i;
        }
    };

    if (auto st = tagged("URI: ", ErrorCode::SiweUri, m.uri); !st)
        return st.error();
    if (!isValidUri(m.uri))
        return fieldError(ErrorCode::SiweUri, "not an RFC 3986 URI");
    if (auto st = tagged("Version: ", ErrorCode::SiweVersion, m.version); !st)
        return st.error();
    if (m.version != "1")
        return fieldError(ErrorCode::SiweVersion, "must be 1");
    std::string chain;
    if (auto st = tagged("Chain ID: ", ErrorCode::SiweChainId, chain); !st)
        return st.error();
    {
        const auto *end = chain.data() + chain.size();
        auto [p, ec] = std::from_chars(chain.data(), end, m.chainId);
        if (chain.empty() || ec != std::errc() || p != end || (chain.size() > 1 && chain[0] == '0'))
            return fieldError(ErrorCode::SiweChainId, "must be a decimal integer");
    }
    if (auto st = tagged("Nonce: ", ErrorCode::SiweNonce, m.nonce); !st)
        return st.error();
    if (auto st = tagged("Issued At: ", ErrorCode::SiweIssuedAt, m.issuedAt); !st)
        return st.error();
    optionalTagged("Expiration Time: ", m.expirationTime);
    optionalTagged("Not Before: ", m.notBefore);
    optionalTagged("Request ID: ", m.requestId);
    if (more() && line() == "Resources:") {
        ++i;
        if (!more())
            return fieldError(ErrorCode::SiweResources, "empty resources list");
        while (more()) {
            if (line().substr(0, 2) != "- ")
                return fieldError(ErrorCode::SiweResources, "resource lines must start with '- '");
            m.resources.emplace_back(line().substr(2));
            ++i;
        }
    }
    if (more())
        return Error{ErrorCode::SiweSyntax,
                     QStringLiteral("unexpected line %1: fields out of order or unknown").arg(i + 1)};
    if (auto st = m.validate(); !st)
        return st.error();
    return m;
}

Status SiweMessage::checkTime(UnixMillis now) const
{
    if (expirationTime) {
        auto t = parseRfc3339(*expirationTime);
        if (!t)
            return Error{ErrorCode::SiweExpirationTime, t.error().context};
        if (*t < now)
            return Error{ErrorCode::SiweExpirationTime,
                         QStringLiteral("expired at %1").arg(QString::fromStdString(*expirationTime))};
    }
    if (notBefore) {
        auto t = parseRfc3339(*notBefore);
        if (!t)
            return Error{ErrorCode::SiweNotBefore, t.error().context};
        if (*t > now)
            return Error{ErrorCode::SiweNotBefore,
                         QStringLiteral("not valid before %1").arg(QString::fromStdString(*notBefore))};
    }
    return okStatus();
}

} // namespace quill::siwe

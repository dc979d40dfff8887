#include "CliIo.h"

#include "crypto/Encoding.h"
#include "crypto/Secp256k1.h"
#include "eth/Keystore.h"

#include <QRegularExpression>
#include <QStandardPaths>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

namespace quill::cli {

std::string Args::value(const std::string &flag) const
{
    auto it = flags.find(flag);
    return it == flags.end() ? std::string() : it->second;
}

std::vector<std::string> Args::values(const std::string &flag) const
{
    std::vector<std::string> out;
    auto [begin, end] = flags.equal_range(flag);
    for (auto it = begin; it != end; ++it)
        out.push_back(it->second);
    return out;
}

Result<Args> parseArgs(const std::vector<std::string> &argv, const std::vector<std::string> &valued,
                       const std::vector<std::string> &switches,
                       const std::vector<std::string> &repeatable)
{
    Args args;
    auto contains = [](const std::vector<std::string> &v, const std::string &s) {
        for (const auto &x : v)
            if (x == s)
                return true;
        return false;
    };
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const auto &a = argv[i];
        if (a.rfind("--", 0) != 0) {
            args.positional.push_back(a);
            continue;
        }
        std::string name = a;
        std::string value;
        bool inlineValue = false;
        if (const auto eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            value = a.substr(eq + 1);
            inlineValue = true;
        }
        if (args.has(name) && !contains(repeatable, name))
            return Error{ErrorCode::InvalidArgument,
                         QString::fromStdString(name) + QStringLiteral(": given more than once")};
        if (contains(switches, name) && !inlineValue) {
            args.flags.emplace(name, std::string());
        } else if (contains(valued, name)) {
            if (!inlineValue) {
                if (i + 1 >= argv.size())
                    return Error{ErrorCode::InvalidArgument,
                                 QString::fromStdString(name) + QStringLiteral(": needs a value")};
                value = argv[++i];
            }
            args.flags.emplace(name, value);
        } else {
            return Error{ErrorCode::InvalidArgument,
                         QString::fromStdString(name) + QStringLiteral(": unknown option")};
        }
    }
    return args;
}

Result<std::string> readTextFile(const std::string &path, const std::string &flag)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{ErrorCode::Io, QStringLiteral("%1: cannot read '%2': %3")
                                        .arg(QString::fromStdString(flag), QString::fromStdString(path),
                                             QString::fromLocal8Bit(std::strerror(errno)))};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Result<crypto::SecureBytes> readSecretFile(const std::string &path, const std::string &flag)
{
    const auto name = QString::fromStdString(flag);
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f)
        return Error{ErrorCode::Io, QStringLiteral("%1: cannot read '%2': %3")
                                        .arg(name, QString::fromStdString(path),
                                             QString::fromLocal8Bit(std::strerror(errno)))};
    crypto::SecureBytes buffer(64 * 1024);
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), f);
    const bool tooLarge = n == buffer.size();
    std::fclose(f);
    if (tooLarge)
        return Error{ErrorCode::InvalidArgument, name + QStringLiteral(": file is too large")};
    std::size_t len = n;
    if (len && buffer.data()[len - 1] == '\n')
        --len;
    if (len && buffer.data()[len - 1] == '\r')
        --len;
    return crypto::SecureBytes(std::span<const std::uint8_t>(buffer.data(), len));
}

Result<crypto::SecureBytes> readHexSecretFile(const std::string &path, const std::string &flag,
                                              std::size_t bytes)
{
    const auto name = QString::fromStdString(flag);
    auto text = readSecretFile(path, flag);
    if (!text)
        return text.error();
    // A hex key file is small; anything much larger is not one.
    if (text->size() >= 4096)
        return Error{ErrorCode::InvalidArgument, name + QStringLiteral(": file is too large for a hex key")};
    std::string_view view(reinterpret_cast<const char *>(text->data()), text->size());
    while (!view.empty() && std::isspace(static_cast<unsigned char>(view.front())))
        view.remove_prefix(1);
    while (!view.empty() && std::isspace(static_cast<unsigned char>(view.back())))
        view.remove_suffix(1);
    auto secret = crypto::secretFromHex(view, true);
    if (!secret)
        return Error{ErrorCode::InvalidHex, name + QStringLiteral(": ") + secret.error().context};
    if (secret->size() != bytes)
        return Error{ErrorCode::InvalidArgument,
                     name + QStringLiteral(": expected %1 bytes of hex, got %2").arg(bytes).arg(secret->size())};
    return secret;
}

Result<crypto::SecureBytes> walletKeyFrom(const Args &args)
{
    if (args.has("--key-file") == args.has("--keystore"))
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("--key-file/--keystore: give exactly one of --key-file F or --keystore F --password-file P")};
    if (args.has("--key-file")) {
        auto key = readHexSecretFile(args.value("--key-file"), "--key-file", 32);
        if (!key)
            return key.error();
        if (!crypto::secp256k1::isValidPrivateKey(*key))
            return Error{ErrorCode::InvalidPrivateKey,
                         QStringLiteral("--key-file: not a valid secp256k1 private key (zero or ≥ curve order)")};
        return key;
    }
    if (!args.has("--password-file"))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("--password-file: required with --keystore")};
    auto json = readTextFile(args.value("--keystore"), "--keystore");
    if (!json)
        return json.error();
    auto password = readSecretFile(args.value("--password-file"), "--password-file");
    if (!password)
        return password.error();
    auto key = eth::keystore::decrypt(*json, *password);
    if (!key)
        return locate(QStringLiteral("--keystore"), key.error());
    return key;
}

void printError(const QString &message)
{
    std::cerr << "quill-cli: " << message.toStdString() << '\n';
}

QString describeForCli(const Error &error)
{
    // The CLI's own messages say what is wrong in words: "--words: expected 12 or 24".
    if (error.code == ErrorCode::InvalidArgument && !error.context.isEmpty())
        return error.context;
    // A location is a flag (--request) or a placeholder of the synopsis (SIGS.json, ADDRESS).
    static const QRegularExpression located(
        QStringLiteral("^(--[a-z0-9-]+|[A-Z][A-Z0-9_]*(\\.json)?): "));
    const auto m = located.match(error.context);
    if (!m.hasMatch())
        return describe(error);
    return m.captured(1) + QStringLiteral(": ") +
           describe(Error{error.code, error.context.mid(m.capturedLength())});
}

void printError(const Error &error)
{
    printError(describeForCli(error));
}

Error locate(const QString &where, Error error)
{
    error.context = error.context.isEmpty() ? where : where + QStringLiteral(": ") + error.context;
    return error;
}

QString dataDir()
{
    const QByteArray env = qgetenv("QUILL_DATA_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

CliApplication::CliApplication() : m_app(m_argc, m_argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("quill"));
    QCoreApplication::setApplicationName(QStringLiteral("quill"));
}

} // namespace quill::cli

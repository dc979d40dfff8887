#include "vault/IndexFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace quill::vault {

namespace {
constexpr int kVersion = 1;
}

Result<QJsonArray> IndexFile::read() const
{
    QFile f(m_path);
    if (!f.exists())
        return QJsonArray();
    if (!f.open(QIODevice::ReadOnly))
        return Error{ErrorCode::StorageFailure, QStringLiteral("%1: %2").arg(m_path, f.errorString())};
    QJsonParseError parseError{};
    const auto doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() ||
        doc.object().value(QStringLiteral("version")).toInt() != kVersion ||
        !doc.object().value(m_listName).isArray())
        return Error{ErrorCode::IndexCorrupt, m_path};
    return doc.object().value(m_listName).toArray();
}

Status IndexFile::write(const QJsonArray &records) const
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return Error{ErrorCode::StorageFailure, QStringLiteral("cannot create %1").arg(dir)};
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QJsonObject root;
    root.insert(QStringLiteral("version"), kVersion);
    root.insert(m_listName, records);
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(root).toJson()) < 0 || !f.commit())
        return Error{ErrorCode::StorageFailure, QStringLiteral("%1: %2").arg(m_path, f.errorString())};
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return okStatus();
}

QString toString(RecordState state)
{
    switch (state) {
    case RecordState::Pending: return QStringLiteral("pending");
    case RecordState::Ready: return QStringLiteral("ready");
    case RecordState::Removing: return QStringLiteral("removing");
    }
    return {};
}

bool parseRecordState(const QString &text, RecordState &out)
{
    for (auto s : {RecordState::Pending, RecordState::Ready, RecordState::Removing})
        if (toString(s) == text) {
            out = s;
            return true;
        }
    return false;
}

} // namespace quill::vault

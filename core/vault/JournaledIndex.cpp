#include "vault/JournaledIndex.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace quill::vault {

namespace {

constexpr int kVersion = 1;

/// Field 22 of /proc/<pid>/stat: the process's start time in clock ticks since boot.
std::optional<quint64> processStartTicks(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray text = f.readAll();
    // The command name (field 2) is in parentheses and may itself contain spaces or ')'.
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    constexpr int kStartTimeAfterName = 22 - 3; // fields after the name start at field 3
    if (fields.size() <= kStartTimeAfterName)
        return std::nullopt;
    bool ok = false;
    const quint64 ticks = fields[kStartTimeAfterName].toULongLong(&ok);
    return ok ? std::optional<quint64>(ticks) : std::nullopt;
}

QString currentBootId()
{
    QFile f(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().trimmed()) : QString();
}

QJsonObject toJson(const Owner &o)
{
    return QJsonObject{{QStringLiteral("pid"), double(o.pid)},
                       {QStringLiteral("start"), QString::number(o.startTicks)},
                       {QStringLiteral("boot"), o.bootId}};
}

std::optional<Owner> ownerFromJson(const QJsonValue &v)
{
    if (!v.isObject())
        return std::nullopt;
    const auto o = v.toObject();
    Owner owner;
    owner.pid = static_cast<qint64>(o.value(QStringLiteral("pid")).toDouble());
    bool ok = false;
    owner.startTicks = o.value(QStringLiteral("start")).toString().toULongLong(&ok);
    owner.bootId = o.value(QStringLiteral("boot")).toString();
    if (!ok || owner.pid <= 0)
        return std::nullopt;
    return owner;
}

/// Test seam for the crash-consistency tests (see crashPoint in WalletVault.h).
void crashAt(const QString &list, const char *step)
{
    const char *at = std::getenv("QUILL_TEST_CRASH_AT");
    if (at && QString::fromLatin1(at) == list + QLatin1Char(':') + QLatin1String(step))
        std::_Exit(86);
}

Record *findIn(QList<Record> &records, const QString &key)
{
    for (auto &r : records)
        if (r.key == key)
            return &r;
    return nullptr;
}

bool ownedBySelf(const Record &r)
{
    return r.owner && *r.owner == Owner::self();
}

} // namespace

JournaledIndex::Stamp JournaledIndex::stampOf(const struct stat &st)
{
    return Stamp{st.st_dev, st.st_ino, st.st_size,
                 qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

JournaledIndex::Stamp JournaledIndex::stampOf(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? stampOf(st) : Stamp{};
}

namespace {

} // namespace

QString toString(RecordState state)
{
    switch (state) {
    case RecordState::Pending:
        return QStringLiteral("pending");
    case RecordState::Ready:
        return QStringLiteral("ready");
    case RecordState::Removing:
        return QStringLiteral("removing");
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

const Owner &Owner::self()
{
    static const Owner me = [] {
        Owner o;
        o.pid = ::getpid();
        o.startTicks = processStartTicks(o.pid).value_or(0);
        o.bootId = currentBootId();
        return o;
    }();
    return me;
}

bool Owner::isAlive() const
{
    if (pid <= 0 || (!bootId.isEmpty() && bootId != self().bootId))
        return false;
    const auto ticks = processStartTicks(pid);
    return ticks && *ticks == startTicks;
}

DataFolderLock::DataFolderLock(const QString &dataDir)
{
    if (!QFileInfo::exists(dataDir)) {
        if (!QDir().mkpath(dataDir)) {
            m_status =
                Error{ErrorCode::StorageFailure, QStringLiteral("cannot create %1").arg(dataDir)};
            return;
        }
        QFile::setPermissions(dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner);
    }
    const QByteArray path = QFile::encodeName(dataDir + QStringLiteral("/.lock"));
    m_fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    int rc = -1;
    if (m_fd >= 0)
        do
            rc = ::flock(m_fd, LOCK_EX);
        while (rc != 0 && errno == EINTR);
    if (rc != 0)
        m_status =
            Error{ErrorCode::StorageFailure,
                  QStringLiteral("cannot lock %1: %2")
                      .arg(QFile::decodeName(path), QString::fromLocal8Bit(std::strerror(errno)))};
}

DataFolderLock::~DataFolderLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

JournaledIndex::JournaledIndex(const QString &dataDir, Layout layout, SecretStore *secrets,
                               QObject *parent)
    : QObject(parent), m_dataDir(dataDir), m_path(dataDir + QLatin1Char('/') + layout.fileName),
      m_layout(std::move(layout)), m_secrets(secrets)
{
}

Result<QList<Record>> JournaledIndex::readFile(Stamp &stamp) const
{
    // Decide "no file yet" on open's own errno: refresh() reads without the lock, so asking
    // exists() after a failed open races with another process renaming the first index in.
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT) {
            stamp = Stamp{};
            return QList<Record>();
        }
        return Error{
            ErrorCode::StorageFailure,
            QStringLiteral("%1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(err)))};
    }
    QFile f;
    if (!f.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return Error{ErrorCode::StorageFailure,
                     QStringLiteral("%1: %2").arg(m_path, f.errorString())};
    }
    struct stat st
    {
    };
    if (::fstat(f.handle(), &st) == 0)
        stamp = stampOf(st);
    QJsonParseError parseError{};
    const auto doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    const Error corrupt{ErrorCode::IndexCorrupt, m_path};
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() ||
        doc.object().value(QStringLiteral("version")).toInt() != kVersion ||
        !doc.object().value(m_layout.listName).isArray())
        return corrupt;
    QList<Record> records;
    for (const auto &v : doc.object().value(m_layout.listName).toArray()) {
        if (!v.isObject())
            return corrupt;
        Record r;
        r.data = v.toObject();
        if (!parseRecordState(r.data.take(QStringLiteral("state")).toString(), r.state))
            return corrupt;
        r.owner = ownerFromJson(r.data.take(QStringLiteral("owner")));
        auto key = m_layout.keyOf(r.data);
        if (!key || findIn(records, *key))
            return corrupt;
        r.key = *key;
        records.push_back(std::move(r));
    }
    return records;
}

Status JournaledIndex::writeFile(const QList<Record> &records) const
{
    QJsonArray list;
    for (const auto &r : records) {
        QJsonObject o = r.data;
        o.insert(QStringLiteral("state"), toString(r.state));
        if (r.state != RecordState::Ready && r.owner)
            o.insert(QStringLiteral("owner"), toJson(*r.owner));
        list.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("version"), kVersion);
    root.insert(m_layout.listName, list);
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(root).toJson()) < 0 || !f.commit())
        return Error{ErrorCode::StorageFailure,
                     QStringLiteral("%1: %2").arg(m_path, f.errorString())};
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return okStatus();
}

void JournaledIndex::setRecords(QList<Record> records, Stamp stamp)
{
    m_stamp = stamp;
    if (records == m_records)
        return;
    m_records = std::move(records);
    Q_EMIT changed();
}

Status JournaledIndex::refresh()
{
    if (m_stamp && *m_stamp == stampOf(m_path))
        return okStatus();
    Stamp read;
    auto records = readFile(read);
    if (!records)
        return records.error();
    setRecords(std::move(records).value(), read);
    return okStatus();
}

std::optional<Record> JournaledIndex::find(const QString &key) const
{
    for (const auto &r : m_records)
        if (r.key == key)
            return r;
    return std::nullopt;
}

QList<QJsonObject> JournaledIndex::ready() const
{
    QList<QJsonObject> out;
    for (const auto &r : m_records)
        if (r.state == RecordState::Ready)
            out.push_back(r.data);
    return out;
}

Status JournaledIndex::update(const Mutation &mutate)
{
    DataFolderLock lock(m_dataDir);
    if (!lock.status())
        return lock.status();
    Stamp stamp;
    auto current = readFile(stamp);
    if (!current)
        return current.error();
    QList<Record> next = *current;
    if (auto st = mutate(next); !st) {
        setRecords(std::move(current).value(), stamp);
        return st;
    }
    if (next == *current) {
        setRecords(std::move(next), stamp);
        return okStatus();
    }
    if (auto st = writeFile(next); !st)
        return st;
    setRecords(std::move(next), stampOf(m_path)); // still under the lock: our own file
    return okStatus();
}

bool JournaledIndex::hasOrphans() const
{
    return std::any_of(m_records.begin(), m_records.end(),
                       [](const Record &r) { return r.isOrphan(); });
}

void JournaledIndex::add(QJsonObject data, crypto::SecureBytes secret, DoneCallback done)
{
    Q_ASSERT(m_secrets);
    if (refresh() && hasOrphans()) {
        // Finish what a dead process left first (its key may be the one added now); a
        // failure there is reported by the add itself if it matters.
        auto shared = std::make_shared<crypto::SecureBytes>(std::move(secret));
        QPointer<JournaledIndex> self(this);
        recover([self, data, shared, done](Status) {
            if (self)
                self->addNow(data, std::move(*shared), done);
        });
        return;
    }
    addNow(std::move(data), std::move(secret), std::move(done));
}

void JournaledIndex::addNow(QJsonObject data, crypto::SecureBytes secret, DoneCallback done)
{
    const auto key = m_layout.keyOf(data);
    if (!key) {
        done(Error{ErrorCode::InvalidArgument,
                   QStringLiteral("malformed record for %1").arg(m_path)});
        return;
    }
    const Status begun = update([&](QList<Record> &records) -> Status {
        if (findIn(records, *key))
            return Error{ErrorCode::AccountExists, *key};
        records.push_back(Record{*key, data, RecordState::Pending, Owner::self()});
        return okStatus();
    });
    if (!begun) {
        done(begun);
        return;
    }
    crashAt(m_layout.listName, "add:after-index");
    QPointer<JournaledIndex> self(this);
    m_secrets->write(
        m_layout.secretName(*key), std::move(secret), [self, key = *key, done](Status written) {
            if (!self) {
                done(Error{ErrorCode::StorageFailure,
                           QStringLiteral("the index was closed during the write")});
                return;
            }
            if (!written) {
                // A timed-out write may still land when the keyring wakes up: abandon the record
                // as a removal, which recover() finishes. Any other failure stored nothing.
                const bool maybeStored = written.error().code == ErrorCode::KeychainTimeout;
                (void)self->update([&](QList<Record> &records) -> Status {
                    for (qsizetype i = 0; i < records.size(); ++i)
                        if (records[i].key == key && ownedBySelf(records[i])) {
                            if (maybeStored)
                                records[i] = Record{key, records[i].data, RecordState::Removing,
                                                    std::nullopt};
                            else
                                records.removeAt(i);
                            break;
                        }
                    return okStatus();
                });
                done(written);
                return;
            }
            crashAt(self->m_layout.listName, "add:after-secret");
            done(self->update([&](QList<Record> &records) -> Status {
                Record *r = findIn(records, key);
                if (!r || r->state != RecordState::Pending || !ownedBySelf(*r))
                    return Error{ErrorCode::StorageFailure,
                                 QStringLiteral("%1 vanished from %2 while it was stored")
                                     .arg(key, self->m_path)};
                r->state = RecordState::Ready;
                r->owner.reset();
                return okStatus();
            }));
        });
}

void JournaledIndex::remove(const QString &key, DoneCallback done)
{
    Q_ASSERT(m_secrets);
    const Status begun = update([&](QList<Record> &records) -> Status {
        Record *r = findIn(records, key);
        if (!r || r->state != RecordState::Ready)
            return Error{ErrorCode::AccountNotFound, key};
        r->state = RecordState::Removing;
        r->owner = Owner::self();
        return okStatus();
    });
    if (!begun) {
        done(begun);
        return;
    }
    crashAt(m_layout.listName, "remove:after-index");
    QPointer<JournaledIndex> self(this);
    m_secrets->remove(m_layout.secretName(key), [self, key, done](Status removed) {
        if (!self) {
            done(removed);
            return;
        }
        const bool gone = removed || removed.error().code == ErrorCode::SecretNotFound;
        if (gone)
            crashAt(self->m_layout.listName, "remove:after-secret");
        const Status saved = self->update([&](QList<Record> &records) -> Status {
            for (qsizetype i = 0; i < records.size(); ++i)
                if (records[i].key == key && records[i].state == RecordState::Removing) {
                    if (gone)
                        records.removeAt(i);
                    else
                        records[i].owner.reset(); // abandoned: the next recover() retries
                    break;
                }
            return okStatus();
        });
        done(gone ? saved : removed);
    });
}

void JournaledIndex::readSecret(const QString &key, SecretStore::ReadCallback done)
{
    Q_ASSERT(m_secrets);
    if (auto st = refresh(); !st) {
        done(st.error());
        return;
    }
    const auto r = find(key);
    if (!r || r->state != RecordState::Ready) {
        done(Error{ErrorCode::AccountNotFound, key});
        return;
    }
    m_secrets->read(m_layout.secretName(key), std::move(done));
}

void JournaledIndex::recover(DoneCallback done)
{
    if (auto st = refresh(); !st) {
        done(st);
        return;
    }
    QList<QString> orphans;
    if (m_secrets)
        for (const auto &r : m_records)
            if (r.isOrphan())
                orphans.push_back(r.key);
    recoverNext(orphans, std::move(done));
}

void JournaledIndex::recoverNext(QList<QString> keys, DoneCallback done)
{
    if (keys.isEmpty()) {
        done(okStatus());
        return;
    }
    const QString key = keys.takeFirst();
    // Claim the orphan first (removing, owned by this process) so that nobody can add a
    // record with the same key, and its secret, while the old secret is deleted.
    bool claimed = false;
    const Status claim = update([&](QList<Record> &records) -> Status {
        Record *r = findIn(records, key);
        if (r && r->isOrphan()) {
            r->state = RecordState::Removing;
            r->owner = Owner::self();
            claimed = true;
        }
        return okStatus();
    });
    if (!claim) {
        done(claim);
        return;
    }
    if (!claimed) {
        recoverNext(keys, std::move(done));
        return;
    }
    QPointer<JournaledIndex> self(this);
    // A pending import is rolled back, a removal completed: either way the secret goes.
    m_secrets->remove(m_layout.secretName(key), [self, key, keys, done](Status st) {
        if (!self)
            return;
        const bool gone = st || st.error().code == ErrorCode::SecretNotFound;
        const Status saved = self->update([&](QList<Record> &records) -> Status {
            for (qsizetype i = 0; i < records.size(); ++i)
                if (records[i].key == key && ownedBySelf(records[i])) {
                    if (gone)
                        records.removeAt(i);
                    else
                        records[i].owner.reset(); // still an orphan: retried next time
                    break;
                }
            return okStatus();
        });
        if (!gone) {
            done(st);
            return;
        }
        if (!saved) {
            done(saved);
            return;
        }
        self->recoverNext(keys, done);
    });
}

void JournaledIndex::audit(std::function<void(Result<QStringList>)> done)
{
    Q_ASSERT(m_secrets);
    if (auto st = refresh(); !st) {
        done(st.error());
        return;
    }
    QStringList keys;
    for (const auto &r : m_records)
        if (r.state == RecordState::Ready)
            keys.push_back(r.key);
    auditNext(keys, {}, std::move(done));
}

void JournaledIndex::auditNext(QStringList keys, QStringList missing,
                               std::function<void(Result<QStringList>)> done)
{
    if (keys.isEmpty()) {
        done(missing);
        return;
    }
    const QString key = keys.takeFirst();
    QPointer<JournaledIndex> self(this);
    m_secrets->read(m_layout.secretName(key),
                    [self, key, keys, missing, done](Result<crypto::SecureBytes> secret) mutable {
                        if (!self)
                            return;
                        if (!secret && secret.error().code != ErrorCode::SecretNotFound) {
                            done(secret.error());
                            return;
                        }
                        if (!secret)
                            missing.push_back(key);
                        self->auditNext(keys, missing, done);
                    });
}

} // namespace quill::vault

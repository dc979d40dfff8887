#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace quill::ui {

namespace {

/// Desktop Entry Exec quoting: a path with reserved characters goes in double quotes, with
/// `"`, `` ` ``, `$` and `\` escaped.
QString quotedExec(const QString &path)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool plain = true;
    for (QChar c : path)
        plain = plain && !reserved.contains(c);
    if (plain)
        return path;
    QString out = QStringLiteral("\"");
    for (QChar c : path) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('"');
}

} // namespace

QString Autostart::entryPath()
{
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty() || !QDir::isAbsolutePath(config))
        config = QDir::homePath() + QStringLiteral("/.config");
    return config + QStringLiteral("/autostart/io.github.quill.Quill.desktop");
}

bool Autostart::isEnabled()
{
    QFile f(entryPath());
    if (!f.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line == "Hidden=true" || line == "X-GNOME-Autostart-enabled=false")
            return false;
    }
    return true;
}

Status Autostart::setEnabled(bool enabled, const QString &executable)
{
    const QString path = entryPath();
    if (!enabled) {
        if (QFile::exists(path) && !QFile::remove(path))
            return Error{
                ErrorCode::Io,
                QCoreApplication::translate("quill::ui::Autostart", "cannot remove %1").arg(path)};
        return okStatus();
    }
    if (!QDir().mkpath(QFileInfo(path).path()))
        return Error{ErrorCode::Io,
                     QCoreApplication::translate("quill::ui::Autostart", "cannot create %1")
                         .arg(QFileInfo(path).path())};
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error{
            ErrorCode::Io,
            QCoreApplication::translate("quill::ui::Autostart", "cannot write %1").arg(path)};
    const QString text = QStringLiteral("[Desktop Entry]\n"
                                        "Type=Application\n"
                                        "Name=Quill\n"
                                        "Comment=Desktop signer for Lit Protocol sessions, in the tray\n"
                                        "Exec=%1 --background\n"
                                        "Icon=io.github.quill.Quill\n"
                                        "Terminal=false\n"
                                        "X-GNOME-Autostart-enabled=true\n")
                             .arg(quotedExec(executable));
    f.write(text.toUtf8());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                     QFileDevice::ReadOther);
    if (!f.commit())
        return Error{
            ErrorCode::Io,
            QCoreApplication::translate("quill::ui::Autostart", "cannot write %1").arg(path)};
    return okStatus();
}

} // namespace quill::ui

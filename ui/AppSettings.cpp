#include "AppSettings.h"

#include <QSettings>

#include <algorithm>

namespace quill::ui {

AppSettings AppSettings::load()
{
    const QSettings s;
    AppSettings a;
    a.theme = Theme::fromString(s.value(themeKey()).toString());
    a.startHidden = s.value(startHiddenKey(), false).toBool();
    const int port = s.value(webSocketPortKey(), 0).toInt();
    a.webSocketPort = port > 0 && port < 65536 ? port : 0;
    // Stored in seconds (readable in the file); only the dialog's choices are accepted.
    const UnixMillis remember = s.value(rememberForKey(), qint64(kDay / 1000)).toLongLong() * 1000;
    if (std::find(std::begin(kRememberChoices), std::end(kRememberChoices), remember) !=
        std::end(kRememberChoices))
        a.rememberFor = remember;
    const int idle = s.value(idleLockKey(), 0).toInt();
    if (std::find(std::begin(kIdleLockChoices), std::end(kIdleLockChoices), idle) !=
        std::end(kIdleLockChoices))
        a.idleLockMinutes = idle;
    return a;
}

void AppSettings::save() const
{
    QSettings s;
    s.setValue(themeKey(), Theme::toString(theme));
    s.setValue(startHiddenKey(), startHidden);
    s.setValue(webSocketPortKey(), webSocketPort);
    s.setValue(rememberForKey(), qint64(rememberFor / 1000));
    s.setValue(idleLockKey(), idleLockMinutes);
}

} // namespace quill::ui

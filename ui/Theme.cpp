#include "Theme.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace quill::ui {

namespace {

// The XDG desktop portal's settings (org.freedesktop.portal.Settings); Qt 6.4 has no
// QStyleHints::colorScheme() (6.5+), so Quill asks the portal itself.
const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kPortalSettings = QStringLiteral("org.freedesktop.portal.Settings");
const QString kAppearance = QStringLiteral("org.freedesktop.appearance");
const QString kColorScheme = QStringLiteral("color-scheme");

/// Unwraps the portal's answer: Read() returns the value in a variant in a variant.
uint schemeOf(QVariant v)
{
    while (v.canConvert<QDBusVariant>() && v.userType() == qMetaTypeId<QDBusVariant>())
        v = v.value<QDBusVariant>().variant();
    bool ok = false;
    const uint scheme = v.toUInt(&ok);
    return ok && scheme <= 2 ? scheme : 0;
}

bool isDark(const QPalette &p)
{
    return p.color(QPalette::Window).lightness() < 128;
}

} // namespace

Theme::Mode Theme::fromString(const QString &value)
{
    if (value == QLatin1String("light"))
        return Mode::Light;
    if (value == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System;
}

QString Theme::toString(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

QString Theme::settingsKey()
{
    return QStringLiteral("ui/theme");
}

Theme::Mode Theme::saved()
{
    return fromString(QSettings().value(settingsKey()).toString());
}

Theme &Theme::instance()
{
    static Theme *theme = new Theme; // lives as long as the application (parented to it)
    return *theme;
}

Theme::Theme() : QObject(qApp)
{
    m_platformStyle = QApplication::style() ? QApplication::style()->name() : QString();
    m_platformPalette = QApplication::palette();
    readPortalColorScheme();
}

void Theme::readPortalColorScheme()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return; // no session bus: System is the platform palette
    // QtDBus finds the slot's parameter types by name.
    qRegisterMetaType<QDBusVariant>("QDBusVariant");
    // clang-format off
    const bool watching = bus.connect(kPortalService, kPortalPath, kPortalSettings,
                                      QStringLiteral("SettingChanged"), this,
                                      SLOT(portalSettingChanged(QString,QString,QDBusVariant)));
    // clang-format on
    if (!watching)
        qWarning("quill: cannot follow the desktop portal's colour scheme");
    QDBusMessage call = QDBusMessage::createMethodCall(kPortalService, kPortalPath, kPortalSettings,
                                                       QStringLiteral("Read"));
    call << kAppearance << kColorScheme;
    // Asynchronous: a missing or slow portal never holds up the window.
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<QDBusVariant> reply = *w;
        if (!reply.isError())
            setPortalColorScheme(schemeOf(QVariant::fromValue(reply.value())));
        w->deleteLater();
    });
}

void Theme::portalSettingChanged(const QString &group, const QString &key,
                                 const QDBusVariant &value)
{
    if (group == kAppearance && key == kColorScheme)
        setPortalColorScheme(schemeOf(value.variant()));
}

void Theme::setPortalColorScheme(uint value)
{
    const bool before = desktopPrefersDark();
    m_portalScheme = value;
    if (m_mode == Mode::System && before != desktopPrefersDark())
        apply(Mode::System);
}

bool Theme::desktopPrefersDark() const
{
    if (m_portalScheme == 1)
        return true;
    if (m_portalScheme == 2)
        return false;
    return isDark(m_platformPalette);
}

QPalette Theme::darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(37, 37, 38));
    p.setColor(QPalette::WindowText, QColor(230, 230, 230));
    // Fields lighter than the window: Fusion outlines check boxes and fields darker than the
    // window, which on a darker field would all but vanish.
    p.setColor(QPalette::Base, QColor(50, 50, 53));
    p.setColor(QPalette::AlternateBase, QColor(58, 58, 62));
    p.setColor(QPalette::Text, QColor(230, 230, 230));
    p.setColor(QPalette::Button, QColor(55, 55, 58));
    p.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    p.setColor(QPalette::BrightText, QColor(255, 110, 110));
    p.setColor(QPalette::Highlight, QColor(43, 95, 217));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(120, 170, 255));
    p.setColor(QPalette::LinkVisited, QColor(190, 150, 255));
    p.setColor(QPalette::Light, QColor(75, 75, 78));
    p.setColor(QPalette::Midlight, QColor(62, 62, 65));
    p.setColor(QPalette::Mid, QColor(90, 90, 90));
    p.setColor(QPalette::Dark, QColor(25, 25, 25));
    p.setColor(QPalette::Shadow, QColor(10, 10, 10));
    p.setColor(QPalette::ToolTipBase, QColor(45, 45, 48));
    p.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    return p;
}

void Theme::apply(Mode mode)
{
    m_mode = mode;
    const bool dark = mode == Mode::Dark ||
                      (mode == Mode::System && desktopPrefersDark() && !isDark(m_platformPalette));
    if (dark || mode == Mode::Light) {
        // Fusion draws with the palette it is given on every platform; native styles may not.
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) !=
            0)
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
    } else {
        if (!m_platformStyle.isEmpty() &&
            QApplication::style()->name().compare(m_platformStyle, Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(m_platformStyle));
        QApplication::setPalette(m_platformPalette);
    }
    Q_EMIT changed();
}

} // namespace quill::ui

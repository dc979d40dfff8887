#include "SettingsDialog.h"

#include "Autostart.h"
#include "IdleLock.h"
#include "NewPasswordDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace quill::ui {

namespace {

template <typename W> W *named(W *w, const char *objectName, const QString &accessibleName)
{
    w->setObjectName(QString::fromLatin1(objectName));
    w->setAccessibleName(accessibleName);
    return w;
}

QLabel *note(const QString &text, const char *objectName, QWidget *parent)
{
    auto *l = named(new QLabel(text, parent), objectName, text);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setForegroundRole(QPalette::PlaceholderText);
    return l;
}

QString rememberText(UnixMillis ms)
{
    if (ms == 0)
        return SettingsDialog::tr("This request only");
    if (ms == kHour)
        return SettingsDialog::tr("1 hour");
    if (ms == kDay)
        return SettingsDialog::tr("1 day");
    return SettingsDialog::tr("%1 days").arg(ms / kDay); // 7 or 30
}

} // namespace

SettingsDialog::SettingsDialog(IdleLock *lock, QWidget *parent) : QDialog(parent), m_lock(lock)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Quill settings"));
    setMinimumWidth(520);
    const AppSettings current = AppSettings::load();
    auto *layout = new QVBoxLayout(this);

    // Appearance and start.
    auto *general = new QGroupBox(tr("Window and start"), this);
    auto *generalForm = new QFormLayout(general);
    m_theme = named(new QComboBox(general), "themeCombo", tr("Theme"));
    m_theme->addItem(tr("System"), int(Theme::Mode::System));
    m_theme->addItem(tr("Light"), int(Theme::Mode::Light));
    m_theme->addItem(tr("Dark"), int(Theme::Mode::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(current.theme)));
    m_theme->setToolTip(
        tr("System follows the desktop's light or dark preference where it says one."));
    auto *themeLabel = new QLabel(tr("&Theme:"), general);
    themeLabel->setBuddy(m_theme);
    generalForm->addRow(themeLabel, m_theme);
    m_autostartWas = Autostart::isEnabled();
    m_autostart = named(new QCheckBox(tr("Start Quill when I &log in"), general), "autostartCheck",
                        tr("Start Quill when I log in"));
    m_autostart->setChecked(m_autostartWas);
    generalForm->addRow(m_autostart);
    m_startHidden = named(new QCheckBox(tr("Start &hidden, in the tray only"), general),
                          "startHiddenCheck", tr("Start hidden, in the tray only"));
    m_startHidden->setChecked(current.startHidden);
    m_startHidden->setToolTip(
        tr("When Quill starts it shows only its tray icon; requests still open their window."));
    generalForm->addRow(m_startHidden);
    layout->addWidget(general);

    // Browser apps.
    auto *apps = new QGroupBox(tr("Browser apps"), this);
    auto *appsLayout = new QVBoxLayout(apps);
    auto *wsRow = new QHBoxLayout;
    m_webSocket = named(new QCheckBox(tr("Allow browser apps over a &WebSocket on port"), apps),
                        "webSocketCheck", tr("Allow browser apps over a WebSocket"));
    m_webSocket->setChecked(current.webSocketPort > 0);
    m_port = named(new QSpinBox(apps), "webSocketPortSpin", tr("WebSocket port"));
    m_port->setRange(1024, 65535);
    m_port->setValue(current.webSocketPort > 0 ? current.webSocketPort
                                               : AppSettings::kDefaultWebSocketPort);
    m_port->setEnabled(m_webSocket->isChecked());
    connect(m_webSocket, &QCheckBox::toggled, m_port, &QSpinBox::setEnabled);
    wsRow->addWidget(m_webSocket);
    wsRow->addWidget(m_port);
    wsRow->addStretch();
    appsLayout->addLayout(wsRow);
    appsLayout->addWidget(
        note(tr("Browser dApps can reach Quill only with this on (ws://127.0.0.1:port); apps on "
                "this computer always can, over Quill's local socket."),
             "webSocketNote", apps));
    layout->addWidget(apps);

    // Approvals and the lock.
    auto *security = new QGroupBox(tr("Approvals and lock"), this);
    auto *securityForm = new QFormLayout(security);
    m_remember = named(new QComboBox(security), "rememberDefaultCombo",
                       tr("Remember approvals by default for"));
    for (UnixMillis ms : AppSettings::kRememberChoices)
        m_remember->addItem(rememberText(ms), QVariant::fromValue<qint64>(ms));
    m_remember->setCurrentIndex(
        m_remember->findData(QVariant::fromValue<qint64>(current.rememberFor)));
    m_remember->setToolTip(tr("What the approval window's “Remember for” starts at."));
    auto *rememberLabel = new QLabel(tr("&Remember approvals for:"), security);
    rememberLabel->setBuddy(m_remember);
    securityForm->addRow(rememberLabel, m_remember);
    m_idleLock = named(new QComboBox(security), "idleLockCombo",
                       tr("Lock Quill after minutes without input"));
    for (int minutes : AppSettings::kIdleLockChoices)
        m_idleLock->addItem(minutes ? tr("After %1 minutes without input").arg(minutes) : tr("Off"),
                            minutes);
    m_idleLock->setCurrentIndex(m_idleLock->findData(current.idleLockMinutes));
    m_idleLock->setToolTip(
        tr("Once locked (also when the screen locks), Quill asks before the next approval, "
           "pairing, address sharing or account removal."));
    auto *idleLabel = new QLabel(tr("Loc&k Quill:"), security);
    idleLabel->setBuddy(m_idleLock);
    securityForm->addRow(idleLabel, m_idleLock);
    if (m_lock) {
        m_passwordState = note(QString(), "passwordStateLabel", security);
        auto *row = new QHBoxLayout;
        m_setPassword =
            named(new QPushButton(security), "setPasswordButton", tr("Set app password"));
        m_setPassword->setAutoDefault(false);
        m_clearPassword = named(new QPushButton(tr("Cl&ear password"), security),
                                "clearPasswordButton", tr("Clear app password"));
        m_clearPassword->setAutoDefault(false);
        row->addWidget(m_setPassword);
        row->addWidget(m_clearPassword);
        row->addStretch();
        auto *passwordLabel = new QLabel(tr("App password:"), security);
        securityForm->addRow(passwordLabel, m_passwordState);
        securityForm->addRow(QString(), row);
        connect(m_setPassword, &QPushButton::clicked, this, &SettingsDialog::changePassword);
        connect(m_clearPassword, &QPushButton::clicked, this, &SettingsDialog::clearPassword);
        updatePasswordState();
    } else {
        idleLabel->hide();
        m_idleLock->hide();
    }
    layout->addWidget(security);
    layout->addStretch();

    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->setObjectName(QStringLiteral("settingsButtons"));
    auto *ok = box->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setAccessibleName(tr("OK"));
    auto *cancel = box->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    connect(box, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    m_theme->setFocus();
}

AppSettings SettingsDialog::values() const
{
    AppSettings a;
    a.theme = Theme::Mode(m_theme->currentData().toInt());
    a.startHidden = m_startHidden->isChecked();
    a.webSocketPort = m_webSocket->isChecked() ? m_port->value() : 0;
    a.rememberFor = m_remember->currentData().toLongLong();
    a.idleLockMinutes = m_idleLock->currentData().toInt();
    return a;
}

void SettingsDialog::accept()
{
    const AppSettings a = values();
    if (m_lock && m_lock->isLocked() && a.idleLockMinutes * kMinute != m_lock->timeout()) {
        // Turning the lock off (or changing it) is no way around it.
        QPointer<SettingsDialog> self(this);
        m_lock->ensureUnlocked(this, tr("change the idle lock"), [self] {
            if (self)
                self->accept();
        });
        return;
    }
    if (m_autostart->isChecked() != m_autostartWas) {
        if (auto st = Autostart::setEnabled(m_autostart->isChecked(),
                                            QCoreApplication::applicationFilePath());
            !st) {
            QMessageBox::warning(this, tr("Settings"), describeTranslated(st.error()));
            return;
        }
    }
    a.save();
    Theme::instance().apply(a.theme);
    if (m_lock)
        m_lock->setTimeout(a.idleLockMinutes * kMinute);
    Q_EMIT applied(a);
    QDialog::accept();
}

void SettingsDialog::updatePasswordState()
{
    const bool has = m_lock->hasPassword();
    m_passwordState->setText(has ? tr("Set: unlocking asks for it.")
                                 : tr("None: unlocking asks only for a confirmation."));
    m_passwordState->setAccessibleName(m_passwordState->text());
    m_setPassword->setText(has ? tr("Chan&ge password…") : tr("Set &password…"));
    m_setPassword->setAccessibleName(has ? tr("Change app password") : tr("Set app password"));
    m_clearPassword->setEnabled(has);
}

void SettingsDialog::changePassword()
{
    QPointer<SettingsDialog> self(this);
    // A change needs the current password (or, without one, an unlocked Quill).
    m_lock->ensureUnlocked(
        this, tr("change the app password"),
        [self] {
            if (!self)
                return;
            auto *d = new NewPasswordDialog(self);
            d->setAttribute(Qt::WA_DeleteOnClose);
            connect(d, &QDialog::accepted, self, [self, d] {
                self->m_passwordState->setText(tr("Saving in the OS keychain…"));
                self->m_lock->setPassword(d->takePassword(), [self](Status st) {
                    if (!self)
                        return;
                    self->updatePasswordState();
                    if (!st)
                        QMessageBox::warning(
                            self, tr("Settings"),
                            tr("The app password was not set: %1").arg(describeTranslated(st.error())));
                });
            });
            d->open();
        },
        IdleLock::Ask::Always);
}

void SettingsDialog::clearPassword()
{
    QPointer<SettingsDialog> self(this);
    m_lock->ensureUnlocked(
        this, tr("clear the app password"),
        [self] {
            if (!self)
                return;
            self->m_lock->clearPassword([self](Status st) {
                if (!self)
                    return;
                self->updatePasswordState();
                if (!st)
                    QMessageBox::warning(
                        self, tr("Settings"),
                        tr("The app password was not cleared: %1").arg(describeTranslated(st.error())));
            });
        },
        IdleLock::Ask::Always);
}

} // namespace quill::ui

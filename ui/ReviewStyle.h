#pragma once

// How reviews show a warning's severity; shared by ApprovalDialog and ChainSecuredReviewView.

#include "requests/RequestReview.h"

#include <QObject>
#include <QString>

namespace quill::ui {

inline QString severityName(requests::Severity s)
{
    switch (s) {
    case requests::Severity::Danger:
        return QObject::tr("Danger");
    case requests::Severity::Warning:
        return QObject::tr("Warning");
    case requests::Severity::Info:
        return QObject::tr("Info");
    }
    return {};
}

/// Colours that read on light and dark palettes: tinted backgrounds, text in the palette's.
inline QString severityStyle(requests::Severity s)
{
    switch (s) {
    case requests::Severity::Danger:
        return QStringLiteral("QLabel { background: rgba(220, 38, 38, 0.18); border-left: 4px "
                              "solid #dc2626; padding: 6px; }");
    case requests::Severity::Warning:
        return QStringLiteral("QLabel { background: rgba(217, 119, 6, 0.16); border-left: 4px "
                              "solid #d97706; padding: 6px; }");
    case requests::Severity::Info:
        return QStringLiteral("QLabel { border-left: 4px solid palette(mid); padding: 6px; }");
    }
    return {};
}

} // namespace quill::ui

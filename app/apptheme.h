#pragma once

#include "widgets/settings/preferences.h"

#include <QObject>
#include <QPalette>
#include <QString>

namespace retort {

// The application-wide look of Settings → Theme. Light and Dark are Fusion with a palette of
// their own; System gives back the style and palette the application started with (the
// platform's, which follow the system). One per application: a child of qApp, made the first
// time it is asked for, which is when it notes the original style and palette.
class AppTheme : public QObject
{
    Q_OBJECT

public:
    static AppTheme* instance();

    void apply(Preferences::Theme theme);
    Preferences::Theme current() const { return m_current; }

    // The palettes Light and Dark use.
    static QPalette lightPalette();
    static QPalette darkPalette();
    // The name of a theme as the window shows it ("System", "Light", "Dark"), translated.
    static QString displayName(Preferences::Theme theme);

private:
    AppTheme();

    QString m_originalStyle;
    QPalette m_originalPalette;
    Preferences::Theme m_current = Preferences::Theme::System;
};

} // namespace retort

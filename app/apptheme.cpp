#include "app/apptheme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace retort {

namespace {

constexpr auto kFusion = "Fusion";

void setStyleNamed(const QString& name)
{
    if (QApplication::style() && QApplication::style()->name().compare(name, Qt::CaseInsensitive) == 0)
        return;
    if (QStyle* style = QStyleFactory::create(name))
        QApplication::setStyle(style); // the application takes it
}

} // namespace

AppTheme::AppTheme()
    : QObject(qApp), m_originalStyle(QApplication::style() ? QApplication::style()->name()
                                                           : QString()),
      m_originalPalette(QApplication::palette())
{
    setObjectName(QStringLiteral("appTheme"));
}

AppTheme* AppTheme::instance()
{
    if (auto* existing = qApp->findChild<AppTheme*>(QStringLiteral("appTheme"),
                                                    Qt::FindDirectChildrenOnly))
        return existing;
    return new AppTheme;
}

void AppTheme::apply(Preferences::Theme theme)
{
    if (theme == m_current)
        return;
    m_current = theme;
    switch (theme) {
    case Preferences::Theme::System:
        if (!m_originalStyle.isEmpty())
            setStyleNamed(m_originalStyle);
        QApplication::setPalette(m_originalPalette);
        break;
    case Preferences::Theme::Light:
        setStyleNamed(QLatin1StringView(kFusion));
        QApplication::setPalette(lightPalette());
        break;
    case Preferences::Theme::Dark:
        setStyleNamed(QLatin1StringView(kFusion));
        QApplication::setPalette(darkPalette());
        break;
    }
}

QPalette AppTheme::lightPalette()
{
    // Fusion's own palette is the light one it is drawn for.
    QPalette p(QColor(0xef, 0xef, 0xef), QColor(0xef, 0xef, 0xef));
    if (QStyle* fusion = QStyleFactory::create(QLatin1StringView(kFusion))) {
        p = fusion->standardPalette();
        delete fusion;
    }
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xf7, 0xd6));
    p.setColor(QPalette::ToolTipText, QColor(0x20, 0x20, 0x20));
    return p;
}

QPalette AppTheme::darkPalette()
{
    const QColor window(0x35, 0x36, 0x3a);
    const QColor base(0x23, 0x24, 0x27);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabledText(0x80, 0x80, 0x80);
    const QColor highlight(0x3d, 0x7a, 0xd6);

    QPalette p;
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool disabled = group == QPalette::Disabled;
        p.setColor(group, QPalette::Window, window);
        p.setColor(group, QPalette::WindowText, disabled ? disabledText : text);
        p.setColor(group, QPalette::Base, disabled ? window : base);
        p.setColor(group, QPalette::AlternateBase, QColor(0x2c, 0x2d, 0x31));
        p.setColor(group, QPalette::Text, disabled ? disabledText : text);
        p.setColor(group, QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        p.setColor(group, QPalette::Button, window);
        p.setColor(group, QPalette::ButtonText, disabled ? disabledText : text);
        p.setColor(group, QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
        p.setColor(group, QPalette::Light, QColor(0x4a, 0x4b, 0x50));
        p.setColor(group, QPalette::Midlight, QColor(0x40, 0x41, 0x46));
        p.setColor(group, QPalette::Mid, QColor(0x2a, 0x2b, 0x2e));
        p.setColor(group, QPalette::Dark, QColor(0x1e, 0x1f, 0x22));
        p.setColor(group, QPalette::Shadow, QColor(0x10, 0x10, 0x12));
        p.setColor(group, QPalette::Highlight, disabled ? QColor(0x50, 0x50, 0x55) : highlight);
        p.setColor(group, QPalette::HighlightedText, disabled ? disabledText : QColor(Qt::white));
        p.setColor(group, QPalette::Link, QColor(0x6c, 0xb4, 0xff));
        p.setColor(group, QPalette::LinkVisited, QColor(0xb0, 0x94, 0xf0));
        p.setColor(group, QPalette::ToolTipBase, QColor(0x4a, 0x44, 0x2e));
        p.setColor(group, QPalette::ToolTipText, text);
    }
    return p;
}

QString AppTheme::displayName(Preferences::Theme theme)
{
    switch (theme) {
    case Preferences::Theme::System:
        return tr("System");
    case Preferences::Theme::Light:
        return tr("Light");
    case Preferences::Theme::Dark:
        return tr("Dark");
    }
    return {};
}

} // namespace retort

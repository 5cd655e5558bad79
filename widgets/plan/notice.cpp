#include "widgets/plan/notice.h"

#include <QColor>
#include <QFrame>
#include <QLabel>
#include <QPalette>
#include <QVBoxLayout>

namespace retort {

QLabel* wrappedLabel(const QString& text)
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void tintNotice(QFrame* frame, bool severe)
{
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    QPalette pal = frame->palette();
    const bool dark = pal.color(QPalette::Window).lightnessF() < 0.5;
    if (severe) {
        pal.setColor(QPalette::Window, dark ? QColor(0x5a, 0x1e, 0x1e) : QColor(0xfd, 0xec, 0xea));
        pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xd7, 0xd5) : QColor(0x7a, 0x12, 0x12));
    } else {
        pal.setColor(QPalette::Window, dark ? QColor(0x4a, 0x3c, 0x10) : QColor(0xfd, 0xf4, 0xd8));
        pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xec, 0xb3) : QColor(0x5c, 0x43, 0x00));
    }
    frame->setPalette(pal);
}

QFrame* makeNotice(const QString& text, const QString& objectName, bool severe)
{
    auto* frame = new QFrame;
    frame->setObjectName(objectName);
    tintNotice(frame, severe);
    auto* frameLayout = new QVBoxLayout(frame);
    frameLayout->addWidget(wrappedLabel(text));
    return frame;
}

} // namespace retort

#pragma once

class QFrame;
class QLabel;
class QString;

namespace retort {

// The pieces confirmations are made of, shared by the plan dialog and the re-parent preview
// so that a refusal looks the same wherever it is said.

// A wrapped, selectable line of plain text.
QLabel* wrappedLabel(const QString& text);
// Tints a framed box: red for a cost or a refusal, amber for what could not be taken into
// account.
void tintNotice(QFrame* frame, bool severe);
// A framed, tinted box holding `text`.
QFrame* makeNotice(const QString& text, const QString& objectName, bool severe);

} // namespace retort

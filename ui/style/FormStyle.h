#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace switchboard {

// Shared look of the forms: the red message shown under a field that needs attention.
class FormStyle final
{
public:
    FormStyle() = delete;

    // A hidden, word-wrapped label in the palette's error colour.
    static QLabel *makeErrorLabel(QWidget *parent, const QString &objectName);
    // Shows text under the field (or hides the label when text is empty) and tells assistive tech.
    static void setFieldError(QWidget *field, QLabel *label, const QString &text);
    // Re-applies the error colour after a palette change.
    static void updateErrorColor(QLabel *label);
};

} // namespace switchboard

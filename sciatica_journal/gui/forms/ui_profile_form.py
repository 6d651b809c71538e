# GENERATED from ui/profile_form.ui by `make forms` (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'profile_form.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QDateTimeEdit, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QSpinBox, QTimeEdit, QVBoxLayout, QWidget)

class Ui_ProfileForm(object):
    def setupUi(self, ProfileForm):
        if not ProfileForm.objectName():
            ProfileForm.setObjectName(u"ProfileForm")
        ProfileForm.resize(460, 420)
        self.outerLayout = QVBoxLayout(ProfileForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.aboutYouGroup = QGroupBox(ProfileForm)
        self.aboutYouGroup.setObjectName(u"aboutYouGroup")
        self.aboutYouLayout = QFormLayout(self.aboutYouGroup)
        self.aboutYouLayout.setObjectName(u"aboutYouLayout")
        self.nameLabel = QLabel(self.aboutYouGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.aboutYouLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.aboutYouGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.aboutYouLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.birthDateCheck = QCheckBox(self.aboutYouGroup)
        self.birthDateCheck.setObjectName(u"birthDateCheck")

        self.aboutYouLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.birthDateCheck)

        self.birthDateEdit = QDateEdit(self.aboutYouGroup)
        self.birthDateEdit.setObjectName(u"birthDateEdit")
        self.birthDateEdit.setEnabled(False)
        self.birthDateEdit.setCurrentSection(QDateTimeEdit.YearSection)
        self.birthDateEdit.setCalendarPopup(True)

        self.aboutYouLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.birthDateEdit)


        self.outerLayout.addWidget(self.aboutYouGroup)

        self.treatmentGroup = QGroupBox(ProfileForm)
        self.treatmentGroup.setObjectName(u"treatmentGroup")
        self.treatmentLayout = QFormLayout(self.treatmentGroup)
        self.treatmentLayout.setObjectName(u"treatmentLayout")
        self.sideLabel = QLabel(self.treatmentGroup)
        self.sideLabel.setObjectName(u"sideLabel")

        self.treatmentLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sideLabel)

        self.sideCombo = QComboBox(self.treatmentGroup)
        self.sideCombo.setObjectName(u"sideCombo")

        self.treatmentLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sideCombo)

        self.targetLabel = QLabel(self.treatmentGroup)
        self.targetLabel.setObjectName(u"targetLabel")

        self.treatmentLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetLayout = QHBoxLayout()
        self.targetLayout.setObjectName(u"targetLayout")
        self.targetMinSpin = QSpinBox(self.treatmentGroup)
        self.targetMinSpin.setObjectName(u"targetMinSpin")
        self.targetMinSpin.setMinimum(1)
        self.targetMinSpin.setMaximum(20)
        self.targetMinSpin.setValue(5)

        self.targetLayout.addWidget(self.targetMinSpin)

        self.targetToLabel = QLabel(self.treatmentGroup)
        self.targetToLabel.setObjectName(u"targetToLabel")

        self.targetLayout.addWidget(self.targetToLabel)

        self.targetMaxSpin = QSpinBox(self.treatmentGroup)
        self.targetMaxSpin.setObjectName(u"targetMaxSpin")
        self.targetMaxSpin.setMinimum(1)
        self.targetMaxSpin.setMaximum(20)
        self.targetMaxSpin.setValue(8)

        self.targetLayout.addWidget(self.targetMaxSpin)

        self.targetSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.targetLayout.addItem(self.targetSpacer)


        self.treatmentLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.targetLayout)

        self.wakingLabel = QLabel(self.treatmentGroup)
        self.wakingLabel.setObjectName(u"wakingLabel")

        self.treatmentLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.wakingLabel)

        self.wakingLayout = QHBoxLayout()
        self.wakingLayout.setObjectName(u"wakingLayout")
        self.wakingStartEdit = QTimeEdit(self.treatmentGroup)
        self.wakingStartEdit.setObjectName(u"wakingStartEdit")

        self.wakingLayout.addWidget(self.wakingStartEdit)

        self.wakingToLabel = QLabel(self.treatmentGroup)
        self.wakingToLabel.setObjectName(u"wakingToLabel")

        self.wakingLayout.addWidget(self.wakingToLabel)

        self.wakingEndEdit = QTimeEdit(self.treatmentGroup)
        self.wakingEndEdit.setObjectName(u"wakingEndEdit")

        self.wakingLayout.addWidget(self.wakingEndEdit)

        self.wakingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.wakingLayout.addItem(self.wakingSpacer)


        self.treatmentLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.wakingLayout)

        self.rungLabel = QLabel(self.treatmentGroup)
        self.rungLabel.setObjectName(u"rungLabel")

        self.treatmentLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rungLabel)

        self.rungCombo = QComboBox(self.treatmentGroup)
        self.rungCombo.setObjectName(u"rungCombo")

        self.treatmentLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rungCombo)


        self.outerLayout.addWidget(self.treatmentGroup)

        self.remindersGroup = QGroupBox(ProfileForm)
        self.remindersGroup.setObjectName(u"remindersGroup")
        self.remindersLayout = QVBoxLayout(self.remindersGroup)
        self.remindersLayout.setObjectName(u"remindersLayout")
        self.remindersCheck = QCheckBox(self.remindersGroup)
        self.remindersCheck.setObjectName(u"remindersCheck")

        self.remindersLayout.addWidget(self.remindersCheck)

        self.remindersNote = QLabel(self.remindersGroup)
        self.remindersNote.setObjectName(u"remindersNote")
        self.remindersNote.setWordWrap(True)

        self.remindersLayout.addWidget(self.remindersNote)

        self.backgroundCheck = QCheckBox(self.remindersGroup)
        self.backgroundCheck.setObjectName(u"backgroundCheck")

        self.remindersLayout.addWidget(self.backgroundCheck)


        self.outerLayout.addWidget(self.remindersGroup)

        self.appearanceLayout = QHBoxLayout()
        self.appearanceLayout.setObjectName(u"appearanceLayout")
        self.appearanceLabel = QLabel(ProfileForm)
        self.appearanceLabel.setObjectName(u"appearanceLabel")

        self.appearanceLayout.addWidget(self.appearanceLabel)

        self.appearanceCombo = QComboBox(ProfileForm)
        self.appearanceCombo.setObjectName(u"appearanceCombo")

        self.appearanceLayout.addWidget(self.appearanceCombo)

        self.languageLabel = QLabel(ProfileForm)
        self.languageLabel.setObjectName(u"languageLabel")
        self.languageLabel.setIndent(16)

        self.appearanceLayout.addWidget(self.languageLabel)

        self.languageCombo = QComboBox(ProfileForm)
        self.languageCombo.setObjectName(u"languageCombo")

        self.appearanceLayout.addWidget(self.languageCombo)

        self.appearanceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.appearanceLayout.addItem(self.appearanceSpacer)


        self.outerLayout.addLayout(self.appearanceLayout)

        self.errorLabel = QLabel(ProfileForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.outerLayout.addWidget(self.errorLabel)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.sideLabel.setBuddy(self.sideCombo)
        self.targetLabel.setBuddy(self.targetMinSpin)
        self.wakingLabel.setBuddy(self.wakingStartEdit)
        self.rungLabel.setBuddy(self.rungCombo)
        self.appearanceLabel.setBuddy(self.appearanceCombo)
        self.languageLabel.setBuddy(self.languageCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.birthDateCheck)
        QWidget.setTabOrder(self.birthDateCheck, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.sideCombo)
        QWidget.setTabOrder(self.sideCombo, self.targetMinSpin)
        QWidget.setTabOrder(self.targetMinSpin, self.targetMaxSpin)
        QWidget.setTabOrder(self.targetMaxSpin, self.wakingStartEdit)
        QWidget.setTabOrder(self.wakingStartEdit, self.wakingEndEdit)
        QWidget.setTabOrder(self.wakingEndEdit, self.rungCombo)
        QWidget.setTabOrder(self.rungCombo, self.remindersCheck)
        QWidget.setTabOrder(self.remindersCheck, self.appearanceCombo)
        QWidget.setTabOrder(self.appearanceCombo, self.languageCombo)

        self.retranslateUi(ProfileForm)
        self.birthDateCheck.toggled.connect(self.birthDateEdit.setEnabled)

        QMetaObject.connectSlotsByName(ProfileForm)
    # setupUi

    def retranslateUi(self, ProfileForm):
        ProfileForm.setWindowTitle(QCoreApplication.translate("ProfileForm", u"Profile", None))
        self.aboutYouGroup.setTitle(QCoreApplication.translate("ProfileForm", u"About you (optional, stays on this computer)", None))
        self.nameLabel.setText(QCoreApplication.translate("ProfileForm", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("ProfileForm", u"Leave empty if you prefer", None))
        self.birthDateCheck.setText(QCoreApplication.translate("ProfileForm", u"&Birth date", None))
#if QT_CONFIG(accessibility)
        self.birthDateCheck.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Give birth date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.birthDateEdit.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Birth date", None))
#endif // QT_CONFIG(accessibility)
        self.birthDateEdit.setDisplayFormat(QCoreApplication.translate("ProfileForm", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.birthDateEdit.setToolTip(QCoreApplication.translate("ProfileForm", u"Year-month-day with the full year, e.g. 1985-03-14: type it or pick it from the calendar", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.birthDateEdit.setAccessibleDescription(QCoreApplication.translate("ProfileForm", u"Year, month, day; type the year in full", None))
#endif // QT_CONFIG(accessibility)
        self.treatmentGroup.setTitle(QCoreApplication.translate("ProfileForm", u"Your exercises", None))
        self.sideLabel.setText(QCoreApplication.translate("ProfileForm", u"&Affected side", None))
#if QT_CONFIG(accessibility)
        self.sideCombo.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Affected side", None))
#endif // QT_CONFIG(accessibility)
        self.targetLabel.setText(QCoreApplication.translate("ProfileForm", u"Sessions a &day", None))
#if QT_CONFIG(accessibility)
        self.targetMinSpin.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Fewest sessions a day", None))
#endif // QT_CONFIG(accessibility)
        self.targetToLabel.setText(QCoreApplication.translate("ProfileForm", u"to", None))
#if QT_CONFIG(accessibility)
        self.targetMaxSpin.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Most sessions a day", None))
#endif // QT_CONFIG(accessibility)
        self.wakingLabel.setText(QCoreApplication.translate("ProfileForm", u"&Waking hours", None))
#if QT_CONFIG(accessibility)
        self.wakingStartEdit.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Waking hours start", None))
#endif // QT_CONFIG(accessibility)
        self.wakingStartEdit.setDisplayFormat(QCoreApplication.translate("ProfileForm", u"HH:mm", None))
        self.wakingToLabel.setText(QCoreApplication.translate("ProfileForm", u"to", None))
#if QT_CONFIG(accessibility)
        self.wakingEndEdit.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Waking hours end", None))
#endif // QT_CONFIG(accessibility)
        self.wakingEndEdit.setDisplayFormat(QCoreApplication.translate("ProfileForm", u"HH:mm", None))
        self.rungLabel.setText(QCoreApplication.translate("ProfileForm", u"&First exercise", None))
#if QT_CONFIG(accessibility)
        self.rungCombo.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Starting exercise", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.rungCombo.setToolTip(QCoreApplication.translate("ProfileForm", u"The exercise to begin with. After your first session the app recommends each next exercise from how your sessions went.", None))
#endif // QT_CONFIG(tooltip)
        self.remindersGroup.setTitle(QCoreApplication.translate("ProfileForm", u"Reminders", None))
        self.remindersCheck.setText(QCoreApplication.translate("ProfileForm", u"&Remind me when a session is due", None))
#if QT_CONFIG(accessibility)
        self.remindersCheck.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Remind me when a session is due", None))
#endif // QT_CONFIG(accessibility)
        self.remindersNote.setText(QCoreApplication.translate("ProfileForm", u"Reminders are spread over your waking hours and stop once you have done the most sessions planned for the day. Unless Sciatica Journal keeps running in the background, they appear only while it is open.", None))
        self.backgroundCheck.setText(QCoreApplication.translate("ProfileForm", u"&Keep running in the background", None))
#if QT_CONFIG(accessibility)
        self.backgroundCheck.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Keep running in the background", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.backgroundCheck.setToolTip(QCoreApplication.translate("ProfileForm", u"Closing the window keeps the reminders running, and Sciatica Journal starts when you log in. Quit it from File \u2192 Quit or from its tray icon.", None))
#endif // QT_CONFIG(tooltip)
        self.appearanceLabel.setText(QCoreApplication.translate("ProfileForm", u"&Appearance:", None))
#if QT_CONFIG(accessibility)
        self.appearanceCombo.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Appearance", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.appearanceCombo.setToolTip(QCoreApplication.translate("ProfileForm", u"Light or dark colours; System follows your desktop", None))
#endif // QT_CONFIG(tooltip)
        self.languageLabel.setText(QCoreApplication.translate("ProfileForm", u"&Language:", None))
#if QT_CONFIG(accessibility)
        self.languageCombo.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Language", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.languageCombo.setToolTip(QCoreApplication.translate("ProfileForm", u"The language of the app; it changes at the next start", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Problem with the profile", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
    # retranslateUi


# The module's QML files, flat (Qt 6.4: subfolders do not see their siblings); included by
# qml/CMakeLists.txt.
set(OUTWARD_QML_FILES
    Main.qml
    AppShell.qml
    Labels.qml
    # first run and lock
    LockFrame.qml
    FirstRunPage.qml
    RecoveryCodePage.qml
    UnlockPage.qml
    RecoverPage.qml
    JoinPage.qml
    PassphraseField.qml
    PassphraseStrength.qml
    ChangePassphraseDialog.qml
    # screens
    HomePage.qml
    QuickLogPage.qml
    HistoryPage.qml
    RecordDetail.qml
    ReflectionsPage.qml
    ReflectionEditor.qml
    SettingsPage.qml
    EnrollPage.qml
    AddDevicePage.qml
    # components
    NavItem.qml
    PurposeCard.qml
    StatTile.qml
    RecordRow.qml
    DetailRow.qml
    InteractionFields.qml
    HandleTimeField.qml
    Chip.qml
    PrimaryButton.qml
    ChoiceChips.qml
    EmotionPicker.qml
    ScaleRow.qml
    FieldLabel.qml
    FieldError.qml
    UndoBar.qml
    SyncIndicator.qml
    SwitchRow.qml
    ShareHint.qml
)
# Labels.qml is a QML singleton (pragma Singleton): qmlcachegen and the qmldir must know.
set_source_files_properties(Labels.qml PROPERTIES QT_QML_SINGLETON_TYPE TRUE)

# qmlcachegen turns each file into C++ (AOT-compiled bindings). Qt 6.4's generated code shadows
# its own parameters, which -Wshadow -Werror (OUTWARD_WERROR) refuses; it is not our code, so its
# warnings must not fail the build. The names follow qt_add_qml_module's pattern in 6.4.
if(NOT MSVC)
    foreach(qmlFile IN LISTS OUTWARD_QML_FILES)
        get_filename_component(qmlName "${qmlFile}" NAME_WE)
        set_source_files_properties(
            "${CMAKE_CURRENT_BINARY_DIR}/.rcc/qmlcache/outward_qml_${qmlName}_qml.cpp"
            PROPERTIES COMPILE_OPTIONS "-Wno-shadow;-Wno-error")
    endforeach()
endif()

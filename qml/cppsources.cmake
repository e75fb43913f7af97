# The C++ types QML sees (owned by whoever writes them); included by qml/CMakeLists.txt.
set(OUTWARD_QML_CPP
    session.h session.cpp
    interactionform.h interactionform.cpp
    recordlistmodel.h recordlistmodel.cpp
    reflectionform.h reflectionform.cpp
    overview.h overview.cpp
    language.h language.cpp
    syncstatus.h syncstatus.cpp
    formsupport.h formsupport.cpp
    devicelinkoffer.h devicelinkoffer.cpp
    devicejoinform.h devicejoinform.cpp
)

; The Windows installer: per user (no administrator rights), in Korean or English (the
; system's language picks), into %LOCALAPPDATA%\Programs\Study Companion. It adds the app
; to the Start menu and to ".md" files' "Open with" (a ProgID under HKCU: Windows 10 and
; later let the user choose the default), and to Settings › Apps with an uninstaller that
; removes the program and never the student's notes (%APPDATA%\study-companion).
;
; Built on Linux by tools/package.sh with Debian's nsis:
;   makensis -DVERSION=0.1.0 -DEXE=study-companion.exe -DOUT=setup.exe -DROOT=. installer.nsi
; Silent: setup.exe /S (and uninstall.exe /S). NSIS's silent mode reports no failure:
; tools/wine-trial.sh checks the files and keys themselves.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION | EXE | OUT | ROOT
  !error "makensis -DVERSION=… -DEXE=study-companion.exe -DOUT=setup.exe -DROOT=<project>"
!endif

!include "MUI2.nsh"

!define APP "Study Companion"
!define PROGID "StudyCompanion.md"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\StudyCompanion"

Name "${APP}"
OutFile "${OUT}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\StudyCompanion" "InstallDir"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP} setup"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${ROOT}\assets\icon\study-companion.ico"
!define MUI_UNICON "${ROOT}\assets\icon\study-companion.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\study-companion.exe"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(NotesKept)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first is the default where the system's language is neither.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Korean"

LangString RunNow ${LANG_ENGLISH} "Start ${APP}"
LangString RunNow ${LANG_KOREAN} "${APP} 시작"
LangString OpenMd ${LANG_ENGLISH} "Open with ${APP}"
LangString OpenMd ${LANG_KOREAN} ".md 파일 열기 (${APP})"
LangString MdType ${LANG_ENGLISH} "Class notes (Markdown)"
LangString MdType ${LANG_KOREAN} "수업 노트 (Markdown)"
LangString NotesKept ${LANG_ENGLISH} "This removes the program only. Your answers, notes and reviews stay in %APPDATA%\study-companion: installing again finds them. To remove them too, delete that folder yourself."
LangString NotesKept ${LANG_KOREAN} "프로그램만 지웁니다. 내 답변, 노트, 복습 기록은 %APPDATA%\study-companion 에 그대로 남아, 다시 설치하면 이어집니다. 그것까지 지우려면 그 폴더를 직접 삭제하세요."

Section "${APP}"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=study-companion.exe" "${EXE}"
  SetOutPath "$INSTDIR\licenses"
  File "${ROOT}\assets\fonts\Pretendard-OFL.txt"
  File "${ROOT}\assets\fonts\D2Coding-OFL.txt"
  File "${ROOT}\assets\fonts\NotoSansSymbols2-OFL.txt"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\study-companion.exe" "" \
    "$INSTDIR\study-companion.exe" 0 SW_SHOWNORMAL "" "$(MdType)"

  ; "Open with" for .md: a ProgID of our own, listed among .md's; the default stays the
  ; user's choice.
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(MdType)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\study-companion.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open" "" "$(OpenMd)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\study-companion.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\.md\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\study-companion.exe" "FriendlyAppName" "${APP}"
  WriteRegStr HKCU "Software\Classes\Applications\study-companion.exe\SupportedTypes" ".md" ""
  WriteRegStr HKCU "Software\Classes\Applications\study-companion.exe\shell\open\command" "" '"$INSTDIR\study-companion.exe" "%1"'

  WriteRegStr HKCU "Software\StudyCompanion" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Study Companion maintainers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\study-companion.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  ; Explorer reads the associations again.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; What the installer wrote, one by one: never a folder removed with what it holds, and never
; %APPDATA%\study-companion, where the notes are.
Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\study-companion.exe"
  Delete "$INSTDIR\licenses\Pretendard-OFL.txt"
  Delete "$INSTDIR\licenses\D2Coding-OFL.txt"
  Delete "$INSTDIR\licenses\NotoSansSymbols2-OFL.txt"
  RMDir "$INSTDIR\licenses"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}.lnk"

  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegValue HKCU "Software\Classes\.md\OpenWithProgids" "${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\study-companion.exe"
  DeleteRegKey HKCU "Software\StudyCompanion"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

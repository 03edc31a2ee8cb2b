; The Windows installer of SWCert (makensis, Debian's nsis; scripts/release.sh
; runs it). Per user: no administrator rights asked, installed under
; %LocalAppData%\Programs\SWCert, registered under HKCU. Start-menu and
; desktop shortcuts. The uninstaller removes the program and keeps the
; user's data (%AppData%\SWCert: the database, its key, proofs, log) unless
; the person ticks the box that deletes it too. Chinese or English, as the
; system is.
;
; makensis -DVERSION=0.1.0 -DBUILD=1 -DNAME="SWCert · 社工证书助手" \
;   -DSRC=dir-with-swcert.exe -DOUT=setup.exe scripts/installer.nsi

Unicode true
Target amd64-unicode ; SWCert is 64-bit only; and Wine without wine32 runs it
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION | BUILD | NAME | SRC | OUT
  !error "give -DVERSION -DBUILD -DNAME -DSRC -DOUT"
!endif

!define KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\SWCert"

Name "${NAME}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\SWCert"
InstallDirRegKey HKCU "${KEY}" "InstallLocation"
BrandingText "${NAME} ${VERSION}"

; The installer's own file properties.
VIProductVersion "${VERSION}.${BUILD}"
VIFileVersion "${VERSION}.${BUILD}"
VIAddVersionKey /LANG=0 "ProductName" "${NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}.${BUILD}"
VIAddVersionKey /LANG=0 "FileDescription" "${NAME} setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "SWCert"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${SRC}\swcert.ico"
!define MUI_UNICON "${SRC}\swcert.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\swcert.exe"
!define MUI_UNCOMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; English first: the language of a system that is neither.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString DesktopLink ${LANG_ENGLISH} "Desktop shortcut"
LangString DesktopLink ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString CommandLine ${LANG_ENGLISH} "SWCert command line"
LangString CommandLine ${LANG_SIMPCHINESE} "SWCert 命令行"
LangString UnProgram ${LANG_ENGLISH} "The program"
LangString UnProgram ${LANG_SIMPCHINESE} "程序"
LangString UnData ${LANG_ENGLISH} "Also delete my data (database, key, proofs in %AppData%\SWCert)"
LangString UnData ${LANG_SIMPCHINESE} "同时删除我的数据（%AppData%\SWCert 中的数据库、密钥和证明材料）"
LangString UnDataSure ${LANG_ENGLISH} "Delete every certificate record, the signing key and the proof files in $APPDATA\SWCert? This cannot be undone. (Make a backup first: File → Back up.)"
LangString UnDataSure ${LANG_SIMPCHINESE} "删除 $APPDATA\SWCert 中的全部证书记录、签名密钥和证明材料？删除后无法恢复。（请先备份：文件 → 备份。）"
LangString UnDataKept ${LANG_ENGLISH} "Your data stays in $APPDATA\SWCert."
LangString UnDataKept ${LANG_SIMPCHINESE} "您的数据保留在 $APPDATA\SWCert 中。"

Section "SWCert" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${SRC}\swcert.exe"
  File "${SRC}\swcert-cli.exe"
  File "${SRC}\README.txt"
  File "${SRC}\wqy-microhei.LICENSE.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\SWCert"
  CreateShortcut "$SMPROGRAMS\SWCert\${NAME}.lnk" "$INSTDIR\swcert.exe"
  CreateShortcut "$SMPROGRAMS\SWCert\$(CommandLine).lnk" "$SYSDIR\cmd.exe" '/k "cd /d "$INSTDIR" && swcert-cli.exe help"'
  CreateShortcut "$DESKTOP\${NAME}.lnk" "$INSTDIR\swcert.exe"

  WriteRegStr HKCU "${KEY}" "DisplayName" "${NAME}"
  WriteRegStr HKCU "${KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${KEY}" "Publisher" "SWCert"
  WriteRegStr HKCU "${KEY}" "DisplayIcon" "$INSTDIR\swcert.exe"
  WriteRegStr HKCU "${KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${KEY}" "NoRepair" 1
SectionEnd

Section "un.$(UnProgram)" UnSecMain
  SectionIn RO
  SetShellVarContext current
  Delete "$DESKTOP\${NAME}.lnk"
  RMDir /r "$SMPROGRAMS\SWCert"
  Delete "$INSTDIR\swcert.exe"
  Delete "$INSTDIR\swcert-cli.exe"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\wqy-microhei.LICENSE.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${KEY}"
SectionEnd

; Not ticked unless the person ticks it; a silent uninstall (/S) keeps the
; data too, unless it is told /DELETEDATA (an administrator removing SWCert
; from a PC for good: uninstall.exe /S /DELETEDATA).
Var DeleteData

Section /o "un.$(UnData)" UnSecData
  SetShellVarContext current
  ${If} ${Silent}
    ${If} $DeleteData == 1
      RMDir /r "$APPDATA\SWCert"
    ${EndIf}
    Return
  ${EndIf}
  MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnDataSure)" IDYES delete
  DetailPrint "$(UnDataKept)"
  Return
  delete:
  RMDir /r "$APPDATA\SWCert"
SectionEnd

Function un.onInit
  ${un.GetParameters} $R0
  ClearErrors
  ${un.GetOptions} $R0 "/DELETEDATA" $R1
  ${IfNot} ${Errors}
    StrCpy $DeleteData 1
    SectionSetFlags ${UnSecData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

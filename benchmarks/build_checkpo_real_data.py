"""Build the real-catalog data of `bench_checkpo_real.py`: catalogs and their glossaries.

Catalogs nobody on the team wrote: the Albanian, Georgian and Armenian
translations of Nautilus (GNOME Files), VLC, GTK 3 and Thunar (Xfce) as Debian 12
ships them (`nautilus-data` 43.2-1, `vlc-l10n` 3.0.24-0+deb12u1, `libgtk-3-common`
3.24.38-2~deb12u3, `thunar-data` 4.18.4-1), and for Albanian also gedit
(`gedit-common` 44.2-1), GNOME Settings (`gnome-control-center-data` 1:43.6-2~deb12u1),
Xfce Settings (`xfce4-settings` 4.18.2-1) and Totem (`totem-common` 43.0-2),
for Georgian also GNOME Settings and Evince (`evince-common` 43.1-2+deb12u1), for Armenian
also GNOME Settings and File Roller (`file-roller` 43.0-1), and for Albanian GNOME
Terminal (`gnome-terminal-data` 3.46.8-1), Eye of GNOME (`eog` 43.2-1+deb12u1), Evince and
File Roller.
Run once; the result is committed under tests/fixtures/checkpo/real/ (see its NOTICE.md
for sources and licences). Only the catalogs found in the folder are (re)written; the
other entries of glossaries.json are kept:

    mkdir /tmp/deb && cd /tmp/deb
    apt-get download nautilus-data vlc-l10n libgtk-3-common thunar-data
    apt-get download gedit-common gnome-control-center-data evince-common file-roller
    apt-get download xfce4-settings totem-common gnome-terminal-data eog
    for f in *.deb; do dpkg-deb -x "$f" x; done
    python benchmarks/build_checkpo_real_data.py /tmp/deb/x

The held-out catalogs (HELDOUT: other kinds of programs, measured with
`bench_checkpo_real.py --heldout`) are written, xz-compressed, to
benchmarks/data/checkpo_heldout/ (NOTICE.md there), from the same kind of folder:

    apt-get download hexchat-common gimp-data inkscape libreoffice-l10n-ka pidgin-data
    apt-get download tuxpaint-data gnome-disk-utility pluma-common caja-common
    apt-get download mate-control-center-common mate-panel-common atril-common
    apt-get download engrampa-common eom-common
    apt-get download mate-applets-common mate-utils-common mate-terminal-common marco-common
    apt-get download audacity-data evolution-common filezilla-common poedit-common dolphin okular
    # round 7 (caja-common for Armenian only; remove xfce4-settings.mo and gimp20.mo first,
    # they belong to earlier sets):
    apt-get download aisleriot ark baobab caja-common caja-extensions-common catfish cheese-common
    apt-get download cinnamon-l10n deja-dup elisa evolution-data-server-common gnome-maps
    apt-get download gnome-shell-common gnome-software-common gnome-system-monitor gramps gwenview
    apt-get download kcalc kdenlive-data konqueror konsole libxfce4ui-common mate-calc-common
    apt-get download mate-desktop-common mate-power-manager-common mate-screensaver-common
    apt-get download mate-session-manager mate-settings-daemon-common mate-system-monitor-common
    apt-get download mousepad mutter-common network-manager-gnome parole ristretto seahorse
    apt-get download simple-scan thunar-volman tuxpaint-config xfburn xfce4-notifyd xfce4-panel
    apt-get download xfce4-power-manager-data xfce4-screenshooter xfce4-session xfce4-terminal
    apt-get download xfdesktop4-data plasma-workspace-data
    # round 8 (Albanian; cinnamon-l10n holds round 7's cinnamon.mo: remove it first):
    apt-get download libglib2.0-data gthumb-data yelp xfce4-weather-plugin blueman meld
    apt-get download thunar-archive-plugin epiphany-browser-data orca gnome-session-common
    apt-get download audacious-plugins-data cinnamon-l10n ktorrent-data xarchiver digikam-data
    apt-get download gnome-applets-data gnome-panel-data libgweather-4-common libgstreamer1.0-0
    apt-get download metacity-common zenity-common vino quadrapassel
    pip download --no-deps Trac==1.6 sphinx==9.0.4   # then unzip 'trac/locale/*' and
    # 'sphinx/locale/*' into the same folder x
    # round 9 (Georgian and Armenian; a folder of its own, without the .mo files of the
    # programs of rounds 1-7: the builder rewrites every catalog it finds; round 8's
    # Albanian ones come out the same from the same packages):
    apt-get download akregator anjuta-common baloo-kf5 cups-pk-helper digikam-data dragonplayer
    apt-get download epiphany-browser-data filelight gdm3 gigolo libglib2.0-data gnome-applets-data
    apt-get download gnome-bluetooth-3-common gnome-builder gnome-calendar gnome-chess
    apt-get download gnome-initial-setup gnome-panel-data gnome-photos gnome-session-common
    apt-get download gnome-system-tools gnome-text-editor gnome-tweaks gsettings-desktop-schemas
    apt-get download gvfs-common juk kde-cli-tools-data kde-spectacle kdeconnect
    apt-get download kdeplasma-addons-data kdialog kfind kget kgpg kig kleopatra kmplot
    apt-get download korganizer krdc kruler kscreen
    apt-get download ksystemlog ktimer kwalletmanager kwin-data kwordquiz libgnomekbd-common
    apt-get download libgweather-4-common libkf5kcmutils-data libkf5textwidgets-data
    apt-get download libkf5wallet-data libkf5xmlgui-data libmatekbd-common libnma-common
    apt-get download mate-indicator-applet-common metacity-common network-manager packagekit
    apt-get download partitionmanager plasma-desktop-data plasma-discover-common plasma-nm
    apt-get download powerdevil-data system-config-printer-common systemsettings
    apt-get download thunar-archive-plugin vino xfce4-clipman xfce4-diskperf-plugin xfconf yakuake
    apt-get download yelp zenity-common
    # round 10 (Albanian; the sq .mo files only, of round 9's packages and these):
    apt-get download audacious libgtksourceview-4-common gtranslator libmateweather-common
    apt-get download vinagre xfce4-mailwatch-plugin
    # round 11 (Albanian and Armenian; a folder of its own with the sq and hy .mo files of
    # these only: catfish and mousepad for hy, kde-cli-tools-data ... xfconf for sq):
    pip download --no-deps weblate==5.14.3 django-cms==5.1.3 kiwitcms==12.4 thonny==5.0.1
    # then unzip '*/locale/sq*' and '*/locale/hy*' of the four wheels into the folder
    apt-get download remmina-common pluma-plugins-common xfce4-indicator-plugin
    apt-get download xfce4-mount-plugin xfce4-timer-plugin catfish mousepad kde-cli-tools-data
    apt-get download kwalletmanager libgnomekbd-common libmatekbd-common xfce4-diskperf-plugin
    apt-get download xfconf
    # round 12 (all three languages; a folder of its own with the sq, ka and hy .mo files
    # of these only: gnome-dictionary ... orca for ka, whose sq catalogs are round 8's or
    # give no term; cinnamon-l10n for cinnamon-screensaver.mo only):
    pip download --no-deps djangorestframework==3.18.3 pretix==2026.8.0 deluge==2.2.0
    pip download --no-deps ckan==2.12.0 django-allauth==65.22.1
    # then unzip 'rest_framework/locale/hy/*', 'pretix/locale/sq/*', 'deluge/i18n/ka/*',
    # 'ckan/i18n/sq/*' and 'allauth/locale/ka/*';
    # Picard's sdist ships .po files: msgfmt po/sq.po into picard/locale/sq/LC_MESSAGES/picard.mo
    pip download --no-deps --no-binary :all: picard==3.0.2
    apt-get download kturtle gedit-plugins-common knavalbattle kate5-data kde-config-cron
    apt-get download kdebugsettings kdiamond kmag kmahjongg kmouth knotes kshisen ksquares
    apt-get download ksudoku plasma-systemmonitor ktexteditor-data libgoa-1.0-common
    apt-get download gnome-dictionary cinnamon-l10n xdg-desktop-portal-gnome libgstreamer1.0-0
    apt-get download ktorrent-data orca
    # round 13 (all three languages; the same session's second batch, "12b"; a folder of its
    # own): caja-common and pluma-common (Debian 12) for caja.mo (sq) and pluma.mo (ka) only;
    # Debian 13 (trixie) packages for their ka catalogs (deja-dup and gnome-system-monitor:
    # ka only, their sq ones are round 7's):
    apt-get download caja-common pluma-common
    apt-get download amberol apostrophe deja-dup fragments gnome-firmware gnome-podcasts
    apt-get download gnome-snapshot gnome-system-monitor loupe seahorse-nautilus secrets
    apt-get download shortwave warp   # these from trixie (Debian 13)
    pip download --no-deps django-oscar==4.2.1 plone.app.locales==7.0.4
    # then unzip 'oscar/locale/ka_GE/*' and 'plone/app/locales/locales/{sq,ka,hy}/*'
    # round 14 (Albanian and Georgian; the same session's third batch, "12c"; a folder of its
    # own; Debian 13 (trixie) KDE programs never used in any language, tokodon also in sq):
    apt-get download artikulate cantor haruna kanagram kasts kbackup kbruch kcachegrind kclock
    apt-get download itinerary keysmith kgeotag khangman kiten kolourpaint krusader kweather
    apt-get download merkuro neochat rocs skanpage tokodon
    # round 15 (Georgian; a folder of its own, without sw.mo and sc.mo, rounds 1 and 2):
    apt-get download libreoffice-l10n-ka
    # round 16 (all three languages; a folder of its own holding only the sq, ka and hy .mo
    # files that ONLY names for round 16, never used before; Debian 13 (trixie) packages;
    # cinnamon-l10n for nemo.mo and cinnamon-control-center.mo (ka) only, epiphany-browser-data,
    # evolution-data-server-common and libgweather-4-common for their ka catalogs only; for
    # the Georgian LibreOffice only chart, cnr, dkt, editeng, flt, fps, sb, sm, vcl and xsc):
    apt-get download appstream bleachbit bluedevil cinnamon-l10n coreutils dconf-editor
    apt-get download debconf-i18n devhelp-common epiphany-browser-data
    apt-get download evolution-data-server-common findutils flatpak fwupd geary gnome-boxes
    apt-get download gnome-calculator gnome-commander-data gnome-contacts gnome-disk-utility
    apt-get download gnome-keyring gnome-mines gnome-music gnome-nibbles gnome-remote-desktop
    apt-get download gnome-settings-daemon-common grep kaffeine kajongg kalarm kblackbox
    apt-get download kdeconnect kdepim-addons kdiff3 kgoldrunner killbots kjumpingcube kmail
    apt-get download knights kolf kompare kontact kphotoalbum ksirk kstars-data ksystemstats
    apt-get download kubrick kwave libc-l10n libgweather-4-common libpwquality-common
    apt-get download liferea-data nano onboard-common passwd pim-data-exporter pim-sieve-editor
    apt-get download planner-data plasma-vault plasma-welcome polari print-manager
    apt-get download rhythmbox-data rygel shotwell-common simple-scan tar terminator tinysparql
    apt-get download udisks2 xfce4-appfinder xfce4-screensaver
    apt-get download libreoffice-l10n-ka libreoffice-l10n-hy
    pip download --no-deps postorius==1.3.13 hyperkitty==1.3.12 django-mailman3==1.3.15
    pip download --no-deps mailman==3.3.10   # then unzip 'mailman/messages/sq/*' and the
    # three others' 'locale/sq/*' (they ship .po only: msgfmt each django.po to django.mo)
    # round 17 (all three languages; a folder of its own; Debian 13 (trixie) packages):
    # Thunderbird's language packs, paired with the English of the same build by
    # mozilla_langpack_po.py (its docstring), compiled into the folder's
    # mozilla/<lang>/LC_MESSAGES/thunderbird.mo (hy-AM's as hy):
    apt-get download thunderbird thunderbird-l10n-sq thunderbird-l10n-ka thunderbird-l10n-hy-am
    # unzip each usr/lib/thunderbird/extensions/langpack-<locale>@*.xpi (PACK) and
    # usr/share/thunderbird/omni.ja (EN), then
    # python benchmarks/mozilla_langpack_po.py PACK EN <locale> thunderbird.po --only TB
    # with TB = messenger,calendar,chat,lightning,communicator,mozldap,messenger-mapi,
    # messenger-newsblog,messenger-region,messenger-smime (one argument: Thunderbird's own
    # strings, not the toolkit's it shares with Firefox)
    # and the ka catalogs of brasero ... lxappearance, the sq ones of xfce4-panel-profiles ...
    # ghex, both of aspell, the ka ones of cpio ... xz-utils (texinfo: texinfo.mo and
    # texinfo_document.mo; procps: procps-ng.mo; libsane-common: sane-backends.mo), the sq
    # one of xkb-data (xkeyboard-config.mo):
    apt-get download brasero-common gparted-common libfm-data lxpanel-data lxappearance
    apt-get download xfce4-panel-profiles xfce4-xkb-plugin claws-mail-i18n ghex aspell
    apt-get download cpio libgdk-pixbuf2.0-common libgsf-1-common procps libsane-common sudo
    apt-get download texinfo vorbis-tools xz-utils xkb-data
    # round 18 (all three languages; a folder of its own; Debian 13 (trixie)): LibreOffice's
    # translation sources (the source package's orig-translations tarball), each Albanian
    # module's messages.po compiled with msgfmt to program/resource/sq/LC_MESSAGES/<module>.mo
    # as Debian names them (sw, sc, cui, svx, sd, basctl, dba, dkt, frm, pcr, sb, sca, sfx,
    # svt, uui: the ones that give a term; Debian ships no Albanian LibreOffice), and, merged
    # with msgcat, each language's helpcontent2 .po files into
    # libreoffice-src/<lang>/LC_MESSAGES/help.mo and its officecfg .po files into
    # officecfg.mo, its wizards/source/resources.po into wizards.mo and its nlpsolver, swext
    # and reportbuilder .po files into extensions.mo (Debian ships those as help pages,
    # registry and .properties files):
    apt-get source --download-only libreoffice   # libreoffice_25.2.3.orig-translations.tar.xz
    # phpMyAdmin's, Zabbix's and WordPress's catalogs (WordPress's are ka_GE only: its
    # admin-ka_GE.mo, admin-network-ka_GE.mo and ka_GE.mo), Calibre's (unzip
    # usr/share/calibre/localization/locales.zip into a folder locales beside it):
    apt-get download phpmyadmin zabbix-frontend-php wordpress-l10n calibre
    # and the sq/ka/hy catalogs below that give a term (gimp-data: gimp30-std-plug-ins.mo
    # only, its gimp30.mo is a near copy of round 1's gimp20; kdepim-runtime: the akonadi_*
    # resources; plasma-workspace-data: kcm_cursortheme ... plasmashellprivateplugin; kio-
    # extras-data: kio-extras_kcms):
    apt-get download accerciser kbd gnome-calls kdepim-runtime alsa-utils amarok-common
    apt-get download gnome-authenticator gimp-data gnome-color-manager libgnutls30t64
    apt-get download grub-common plasma-workspace-data kio-extras-data kio-gdrive
    apt-get download libkf6newstuff-data skrooge-common sysprof systemd timeshift zanshin
    # and Firefox in Armenian only (no other never-used Armenian catalog gives enough flags;
    # it is issue 15's own browser catalog, see benchmarks/data/checkpo_heldout/NOTICE.md),
    # paired like round 17's Thunderbird, all of the pack's folders, compiled into
    # mozilla/hy/LC_MESSAGES/firefox-esr.mo:
    apt-get download firefox-esr firefox-esr-l10n-hy-am
    # unzip usr/lib/firefox-esr/browser/extensions/langpack-hy-AM@firefox-esr.mozilla.org.xpi
    # (PACK), usr/lib/firefox-esr/browser/omni.ja (EN1) and usr/lib/firefox-esr/omni.ja (EN2):
    # python benchmarks/mozilla_langpack_po.py PACK EN1,EN2 hy-AM firefox-esr.po
    # round 19 (all three languages; a folder of its own holding only the .mo files that ONLY
    # names for round 19; Debian 13 (trixie)): gtk30-properties.mo of libgtk-3-common (sq, ka,
    # hy; its gtk30.mo is committed), kgeography.mo and ktouch.mo (sq, ka), packagekit's
    # PackageKit.mo (sq; its ka one is round 9's), and the ka catalogs
    # of the others (python3-django-horizon: horizon's djangojs.mo and openstack_dashboard's
    # django.mo and djangojs.mo, under ka_GE; eog ... totem-common: eog.mo, file-roller.mo,
    # gedit.mo, gnome-terminal.mo and totem.mo, built as NAME-trixie; binutils-common: ld.mo;
    # messagelib-data: libmessagecomposer6, libmessagecore6, libmessagelist6, libmessageviewer6
    # and libtemplateparser6; dolphin-plugins: fileviewhgplugin.mo; kdeplasma-addons-data:
    # plasma_applet_org.kde.plasma.colorpicker.mo; plasma-disks, plasma-firewall, plasma-pa:
    # kcm_disks.mo, kcm_firewall.mo, kcm_pulseaudio.mo):
    apt-get download libgtk-3-common kgeography-data ktouch-data packagekit
    apt-get download python3-django-horizon
    apt-get download eog file-roller gedit-common gnome-terminal-data totem-common angelfish
    apt-get download dolphin-plugins glib-networking-common gnome-shell-extensions-common
    apt-get download kalzium-data kapptemplate plasma-disks plasma-firewall plasma-pa
    apt-get download keditbookmarks klettres-data kmix konversation-data labplot-data
    apt-get download palapeli-data kdeplasma-addons-data xdg-desktop-portal-kde
    apt-get download akonadi-contacts-data binutils-common libakonadicalendar-data
    apt-get download akonadi-mime-data libakonadi-data libkleo-data libksieve-data
    apt-get download libmailcommon-data libmailimporter-data libkmailtransport-data
    apt-get download messagelib-data libpimcommon-data
    # round 20 (all three languages; a folder of its own holding only the .mo files that ONLY
    # names for round 20; Debian 13 (trixie)): Firefox in Albanian (round 19's prepared
    # fallback; issue 15's own browser catalog, see benchmarks/data/checkpo_heldout/NOTICE.md),
    # paired like round 18's Armenian one, every folder of the pack, compiled into
    # mozilla/sq/LC_MESSAGES/firefox-esr.mo:
    apt-get download firefox-esr firefox-esr-l10n-sq
    # python benchmarks/mozilla_langpack_po.py PACK EN1,EN2 sq firefox-esr.po
    # FreedomBox's web interface (plinth's django.mo, sq), CherryTree (hy), Xfce's Armenian
    # catalogs (hy_AM: xfce4-settings, built as xfce4-settings-trixie with its Georgian one,
    # its Albanian one being committed; xfce4-panel, xfce4-session (also ka), xfce4-terminal,
    # xfce4-screenshooter, xfburn, ristretto: round 7's programs, built in Albanian only then),
    # exo (ka), and Georgian catalogs of K3b (k3b, libk3b), KDevelop (kdevplatform, kdevelop,
    # kdevgit, kdevgrepview, kdevproblemreporter), Chatty (purism-chatty), DrKonqi, Calligra
    # (calligra, calligra_shape_text) and KDE PIM's calendar libraries (calendarsupport6,
    # libeventviews6, libincidenceeditors6):
    apt-get download freedombox cherrytree xfce4-settings xfce4-panel xfce4-session
    apt-get download xfce4-terminal xfce4-screenshooter xfburn ristretto libexo-2-0 k3b-i18n
    apt-get download kdevelop-l10n chatty drkonqi calligra-data libcalendarsupport-data
    apt-get download libeventviews-data libincidenceeditor-data
    # round 21 (all three languages; a folder of its own; Debian 13 (trixie)): programs whose
    # translations are not gettext catalogs, paired with their English and compiled by
    # benchmarks/keyed_catalog_po.py (its docstring): MediaWiki's core messages (and its
    # installer's) and its bundled extensions and skins (sq, ka, hy), OBS Studio (ka, hy),
    # Calamares (sq, ka) and qBittorrent (ka, hy; their Qt .ts files, in the source packages):
    apt-get download mediawiki obs-studio
    apt-get source --download-only calamares qbittorrent  # the .orig tarballs' .ts files
    # S=benchmarks/keyed_catalog_po.py MW=usr/share/mediawiki (of the unpacked mediawiki)
    # python $S json $MW LANG mediawiki/LANG/LC_MESSAGES/mediawiki.mo \
    #     languages/i18n,includes/installer/i18n
    # python $S json $MW LANG mediawiki/LANG/LC_MESSAGES/mediawiki-extensions.mo \
    #     extensions-core,skins
    # python $S ini usr/share/obs ka-GE ka obs/ka/LC_MESSAGES/obs-studio.mo  (hy-AM hy likewise)
    # python $S ts calamares-3.3.14/lang/calamares_LANG.ts LANG qt/LANG/LC_MESSAGES/calamares.mo
    # python $S ts qbittorrent-5.1.0/src/lang/qbittorrent_LANG.ts LANG \
    #     qt/LANG/LC_MESSAGES/qbittorrent.mo
    # round 22 (all three languages; a folder of its own; the sixteenth session's): darktable
    # (sq) and Krita (ka) as Debian 13 ships them, GeoNode's Georgian django.mo (unzip
    # 'geonode/locale/ka/*' of the wheel into the folder), and catalogs made with
    # S=benchmarks/keyed_catalog_po.py (its docstring; one OUT per program and language, as
    # CATALOGS names them: qt/LANG/LC_MESSAGES/keepassxc.mo, ...):
    apt-get download darktable krita-l10n gcompris-qt-data roundcube-core dokuwiki
    apt-get source --download-only keepassxc    # share/translations/keepassxc_sq.ts
    pip download --no-deps geonode==5.1.1
    npm pack @jitsi/react-native-sdk@13.2.0 @openstreetmap/id@2.42.2 scratch-l10n@6.1.116
    # and the repositories lichess-org/mobile 7b06b26, google/blockly 55f5d648a,
    # openstreetmap/openstreetmap-website 9da0fa5ec, ankitects/anki-core-i18n 571f3f1,
    # wikimedia/apps-android-wikipedia aa428fa (NOTICE.md):
    # python $S ts keepassxc_sq.ts sq qt/sq/LC_MESSAGES/keepassxc.mo
    # python $S qm usr/share/gcompris-qt/translations/gcompris_LANG.qm LANG \
    #     qt/LANG/LC_MESSAGES/gcompris.mo                                   (sq, ka)
    # python $S nested lib/l10n/app_en.arb lib/l10n/app_LANG.arb LANG \
    #     lichess/LANG/LC_MESSAGES/lichess-mobile.mo                        (sq, hy)
    # python $S nested msg/json/en.json msg/json/LANG.json LANG blockly/LANG/LC_MESSAGES/blockly.mo
    # python $S nested EN LANG_FILES LANG scratch/LANG/LC_MESSAGES/scratch.mo   (ka, hy; EN:
    #     editor/{blocks,extensions,interface,paint-editor}/en.json and
    #     www/scratch-website.general-l10njson/en.json, comma-separated, LANG_FILES likewise)
    # python $S nested dist/locales/en.min.json dist/locales/sq.min.json sq \
    #     osm/sq/LC_MESSAGES/osm-id.mo
    # python $S nested config/locales/en.yml config/locales/LANG.yml LANG \
    #     osm/LANG/LC_MESSAGES/osm-website.mo                               (sq, ka)
    # python $S nested lang/main.json lang/main-LANG.json LANG jitsi/LANG/LC_MESSAGES/jitsi-meet.mo
    # R=usr/share/roundcube/program/localization (LOC: sq_AL, ka_GE, hy_AM)
    # python $S php $R/en_US/labels.inc,$R/en_US/messages.inc \
    #     $R/LOC/labels.inc,$R/LOC/messages.inc LANG roundcube/LANG/LC_MESSAGES/roundcube.mo
    # D=usr/share/dokuwiki/inc/lang
    # python $S php $D/en/lang.php $D/LANG/lang.php LANG dokuwiki/LANG/LC_MESSAGES/dokuwiki.mo
    # python $S ftl core/templates core/LOCALE LANG anki/LANG/LC_MESSAGES/anki.mo  (sq, hy-AM)
    # python $S android app/src/main/res/values/strings.xml \
    #     app/src/main/res/values-ka/strings.xml ka wikipedia/ka/LC_MESSAGES/wikipedia-android.mo
    # round 23 (all three languages; a folder of its own; the seventeenth session's): catalogs
    # made with $S from public repositories (commits in NOTICE.md): gorhill/uBlock,
    # jellyfin/jellyfin-web, thunderbird/thunderbird-android, TeamNewPipe/NewPipe,
    # ankidroid/Anki-Android, videolan/vlc-android, mozilla-mobile/fenix,
    # mozilla-mobile/android-components and the wikimedia/mediawiki-extensions-NAME repositories
    # of ContentTranslation, GrowthExperiments, UploadWizard, Translate, CentralAuth,
    # ProofreadPage, MobileFrontend, WikimediaMessages, CampaignEvents, Flow, Collection and
    # Wikibase (one OUT per program and language as CATALOGS names them; LANG_DIR values-LANG,
    # Fenix's and Android Components' Armenian values-hy-rAM):
    # python $S nested src/_locales/en/messages.json src/_locales/LANG/messages.json LANG \
    #     ublock/LANG/LC_MESSAGES/ublock-origin.mo
    # python $S nested src/strings/en-us.json src/strings/LANG.json LANG \
    #     jellyfin/LANG/LC_MESSAGES/jellyfin-web.mo
    # python $S android EN_FILES LANG_FILES LANG android/LANG/LC_MESSAGES/NAME.mo   (EN_FILES:
    #     every */src/main/res/values/strings.xml whose values-LANG file exists, comma-separated
    #     and given relative to the checkout, LANG_FILES likewise: Thunderbird's app-*, core,
    #     feature, legacy and components modules, Android Components' components/*; NewPipe's,
    #     VLC's application/resources and Fenix's app one file; AnkiDroid's values/*.xml)
    # python $S json EXT LANG mediawiki/LANG/LC_MESSAGES/mw-NAME.mo FOLDERS  (FOLDERS: the
    #     extension's folders holding i18n, e.g. i18n; Wikibase's client,lib,repo,view, its OUT
    #     mediawiki/LANG/LC_MESSAGES/wikibase.mo)
    # round 24 (all three languages; a folder of its own; the eighteenth session's): Tellico's,
    # Parley's and GTK 4's Georgian (and GTK 4's Armenian) catalogs as Debian 13 ships them
    # (usr/share/locale/LANG/LC_MESSAGES), and catalogs made with $S from the PyPI wheel
    # home-assistant-frontend 20261028.6 and public repositories (commits in NOTICE.md):
    apt-get download tellico-data parley libgtk-4-common
    pip download --no-deps --only-binary=:all: --python-version 3.14 \
        home-assistant-frontend==20261028.6
    # T=hass_frontend/static/translations/config (Albanian only; the configuration panel's)
    # python $S nested $T/en-0c0551af54ccb38e598b2a0181eb2c01.json $T/sq-*.json sq \
    #     homeassistant/sq/LC_MESSAGES/home-assistant-config.mo
    # python $S nested EN LANG_FILES LANG matomo/LANG/LC_MESSAGES/matomo.mo   (EN: lang/en.json
    #     and every plugins/*/lang/en.json whose LANG.json exists, comma-separated; LANG_FILES
    #     likewise)
    # python $S nested config/locales/en.yml config/locales/sq.yml sq \
    #     wikiedu/sq/LC_MESSAGES/wikiedu-dashboard.mo
    # python $S nested frontend/en.json,backend/en.json frontend/LANG.json,backend/LANG.json \
    #     LANG lemmy/LANG/LC_MESSAGES/lemmy.mo     (ka: backend/ka.json as well; sq likewise)
    # python $S ts src/mumble/mumble_sq.ts sq qt/sq/LC_MESSAGES/mumble.mo
    # python $S ts translations/jami_client_qt_LOC.ts LANG qt/LANG/LC_MESSAGES/jami.mo (sq_AL, hy)
    # python $S ts pcmanfm/translations/pcmanfm-qt_ka.ts ka qt/ka/LC_MESSAGES/pcmanfm-qt.mo
    # python $S android EN_FILE LANG_FILE LANG android/LANG/LC_MESSAGES/NAME.mo  (the app
    #     module's res/values/strings.xml and res/values-LANG/strings.xml: Briar's
    #     briar-android, Mastodon's mastodon (values-sq-rAL, -ka-rGE, -hy-rAM), ReVanced
    #     Manager's app (values-hy-rAM), phyphox's, Commons' and Focus's app, AOSP's res)
    # round 25 (all three languages; a folder of its own; the nineteenth session's): Mixxx's
    # Albanian and Armenian Qt catalogs as Debian 13 ships them (usr/share/mixxx/translations),
    # and catalogs made with $S from the npm package matrix-react-sdk 3.114.0 (Element's web
    # client), the PyPI wheel kolibri 0.19.5 and public repositories (commits in NOTICE.md):
    apt-get download mixxx-data
    npm pack matrix-react-sdk@3.114.0
    pip download --no-deps --only-binary=:all: kolibri==0.19.5
    # python $S qm usr/share/mixxx/translations/mixxx_LOC.qm LANG qt/LANG/LC_MESSAGES/mixxx.mo
    #     (LOC: sq_AL, hy)
    # python $S nested package/src/i18n/strings/en_EN.json package/src/i18n/strings/sq.json sq \
    #     matrix/sq/LC_MESSAGES/matrix-react-sdk.mo
    # python $S nested EN_FILES KA_FILES ka kolibri/ka/LC_MESSAGES/kolibri.mo   (the wheel's
    #     kolibri/locale/en/LC_MESSAGES/*.json and the ka files of the same names)
    # python $S nested _locales/en/messages.json _locales/LOC/messages.json LANG \
    #     session/LANG/LC_MESSAGES/session-desktop.mo   (Session's desktop app; LOC: sq, ka, hy-AM)
    # python $S nested EN_FILES LANG_FILES LANG nodebb/LANG/LC_MESSAGES/NAME.mo   (NodeBB's
    #     public/language/en-GB/**/*.json and the same files of sq-AL, NAME nodebb; of hy, the
    #     admin/ folder's files only, NAME nodebb-admin)
    # python $S php EN_FILES LANG_FILES LANG piwigo/LANG/LC_MESSAGES/piwigo.mo   (Piwigo's
    #     language/en_UK/{admin,common,install,upgrade}.lang.php and hy_AM's, ka_GE's)
    # python $S android EN_FILE LANG_FILE LANG android/LANG/LC_MESSAGES/NAME.mo  (Delta Chat's
    #     and Nextcloud's Android apps (values-sq), Element Android's library/ui-strings
    #     (values-ka), AOSP Messaging's res (values-ka-rGE, values-hy-rAM), NAME aosp-mms)
    # round 26 (all three languages; a folder of its own; the twentieth session's): aMule's
    # Albanian catalog as Debian 13 ships it (usr/share/locale), and catalogs made with $S from
    # the PyPI wheel home-assistant-frontend 20261028.6 (round 24's) and public repositories
    # (commits in NOTICE.md):
    apt-get download amule-common
    # python $S ftl EN_DIR LANG_DIR LANG mozilla/LANG/LC_MESSAGES/www-mozilla.mo   (Mozilla's
    #     website, mozilla-l10n/www-l10n: each .ftl file under en/ and LANG/ copied to one
    #     folder, its path's "/" as "__"; sq: every file but firefox/'s, ka: mozorg/'s and
    #     products/'s; needs fluent.syntax)
    # python $S json WIKIBASE sq mediawiki/sq/LC_MESSAGES/wikibase-main.mo client,lib,repo
    #     (Wikibase's client/i18n, lib/i18n and repo/i18n; the api/ folders' messages left out)
    # python $S ts translations/client_sq.ts sq qt/sq/LC_MESSAGES/owncloud-client.mo
    # python $S android EN_FILE LANG_FILE LANG android/LANG/LC_MESSAGES/NAME.mo  (ownCloud's
    #     and KeePassDX's Android apps (values-sq), ODK Collect's strings module (values-sq,
    #     values-ka), AnySoftKeyboard's ime/app (values-ka-rGE))
    # python $S nested EN_FILES LANG_FILES LANG web/LANG/LC_MESSAGES/NAME.mo   (Soapbox's
    #     src/locales/en.json and ka.json, hy.json; Piped's src/locales/en.json and hy.json;
    #     Invidious's locales/en-US.json and hy.json)
    # python $S nested EN_FILES HY_FILES hy homeassistant/hy/LC_MESSAGES/home-assistant-frontend.mo
    #     (every folder's en-*.json and hy-*.json under hass_frontend/static/translations)
    # python $S nested EN_JSON LANG_JSON LANG pkp/LANG/LC_MESSAGES/pkp-lib.mo   (PKP's library
    #     of Open Journal Systems, pkp/pkp-lib: its keyed PO files, msgid a message key, for
    #     locale/LANG/{user,grid,api}.po and locale/en/'s, each written as one JSON object
    #     {key: msgstr} first)
    # AtoM's Georgian XLIFF (artefactual/atom-translations, i18n/ka/messages.xml): each
    #     trans-unit's source and target (an empty target or the English itself left out, a
    #     source met twice taken once) of the units whose note names the ISAD, ISAAR, ISDIAH
    #     and ISDF description plugins (plugins/sfIsad, sfIsaar, sfIsdiah, sfIsdf), written as
    #     xliff/ka/LC_MESSAGES/atom.mo
    # Linux Mint's tools (linuxmint/mint-translations, po-export/*/NAME-LANG.po): every
    #     domain's catalog of a language joined (msgcat --use-first) and compiled (msgfmt) as
    #     mint/LANG/LC_MESSAGES/mint-tools.mo
    # round 27 (all three languages; a folder of its own; the twenty-fifth session's): Django's
    # own catalogs from the PyPI wheel and catalogs made with $S from public repositories
    # (commits in NOTICE.md; one OUT per program and language as CATALOGS names them):
    pip download --no-deps --only-binary=:all: Django==5.2.20
    # every django/**/locale/LANG/LC_MESSAGES/*.mo of the wheel (sq, hy) msgunfmt-ed, joined
    #     (msgcat --use-first) and compiled as django/LANG/LC_MESSAGES/django-core.mo
    # msgfmt editor/ka.po (godotengine/godot-editor-l10n) -o godot/ka/LC_MESSAGES/godot-editor.mo
    # OPIN (liqd/a4-opin): locale/ka/LC_MESSAGES/django.po and djangojs.po joined (msgcat
    #     --use-first), compiled as opin/ka/LC_MESSAGES/opin.mo
    # cosinnus (wechange-eg/cosinnus-core): locale/LANG/LC_MESSAGES/django.po (ka, hy), only the
    #     entries whose msgid is found in a source file under cosinnus/ (.py, .html, .txt, .js,
    #     .jsx, .xml, .md; the core app, its plug-in apps cosinnus_* left out), compiled as
    #     cosinnus/LANG/LC_MESSAGES/cosinnus.mo
    # python $S nested config/locales/en.yml config/locales/sq.yml sq \
    #     redmine/sq/LC_MESSAGES/redmine.mo
    # python $S nested EN_FILES LANG_FILES LANG diaspora/LANG/LC_MESSAGES/diaspora.mo   (sq, ka:
    #     config/locales/diaspora/en.yml, devise/devise.en.yml, javascript/javascript.en.yml
    #     and the same of LANG)
    # python $S nested EN_FILES SQ_FILES sq consul/sq/LC_MESSAGES/consul.mo   (CONSUL: every
    #     config/locales/sq-AL/NAME.yml and config/locales/en/NAME.yml)
    # python $S nested locales/en.json locales/sq.json sq gancio/sq/LC_MESSAGES/gancio.mo
    # python $S nested src/locales/en.json,WEB/src/locales/en.json \
    #     src/locales/hy.json,WEB/src/locales/hy.json hy usupport/hy/LC_MESSAGES/usupport.mo
    #     (USupport's client-ui and, WEB, its website-ui)
    # Mozilla VPN (mozilla-l10n/mozilla-vpn-client-l10n): every trans-unit of sq/**/*.xliff with
    #     a target other than its source, written as two JSON objects {path:original:id: text}
    #     (the source, the target), then python $S nested EN.json SQ.json sq \
    #     mozilla-vpn/sq/LC_MESSAGES/mozilla-vpn.mo
    # python $S android EN_FILES LANG_FILES LANG android/LANG/LC_MESSAGES/NAME.mo   (every
    #     **/res/values-LANG/NAME.xml with **/res/values/NAME.xml of LineageOS's Dialer
    #     (lineage-dialer), Trebuchet (trebuchet), Gallery2 (aosp-gallery2) and, joined,
    #     Aperture, Jelly, Recorder, Glimpse and LineageParts (lineageos-apps))
    # round 28 (all three languages; a folder of its own; the twenty-sixth session's): gettext
    # catalogs and catalogs made with $S from public repositories (commits in NOTICE.md; one OUT
    # per program and language as CATALOGS names them):
    # msgcat --use-first django.po djangojs.po (tigeorgia/fixmystreet locale/ka, mozilla/zamboni
    #     locale/sq) | msgfmt -o fixmystreet/ka/... and zamboni/sq/.../firefox-marketplace.mo
    # msgcat --use-first po/_pages.sq.po po/_docs.sq.po po/_posts.sq.po (f-droid/fdroid-website)
    #     | msgfmt -o fdroid/sq/LC_MESSAGES/fdroid-website.mo
    # msgfmt po/hy/noosfero.po (noosfero/noosfero) -o noosfero/hy/LC_MESSAGES/noosfero.mo;
    #     msgfmt po/sq.po (GalliumOS/update-manager) -o ubuntu/sq/LC_MESSAGES/update-manager.mo
    # msgcat --use-first debian/real-po/sq.po d-i/source/partman-*/debian/po/sq.po
    #     (linuxmint/ubiquity) | msgfmt -o ubuntu/sq/LC_MESSAGES/ubiquity.mo
    # python $S ftl EN_DIR LANG_DIR LANG mozilla/LANG/LC_MESSAGES/NAME.mo   (Monitor's en/ and sq/;
    #     Send's send.ftl, Screenshots' server.ftl, Test Pilot's app.ftl and experiments.ftl of
    #     en-US/ and LANG/ (hy-AM for hy), each copied to a folder of its own; needs fluent.syntax)
    # python $S nested EN_FILES LANG_FILES LANG OUT   (Rails YAML, each file first read with
    #     PyYAML and written as JSON with its keys as strings: JumpStart Georgia's
    #     config/locales/{,default.,devise.,formtastic.,wp.,kaminari.}en.yml and the ka (hy:
    #     StoryBuilder's chaikhana branch) files of the same names, jumpstart/LANG/.../NAME.mo;
    #     GOV.UK's config/locales/en.yml and LANG.yml of government-frontend, frontend and
    #     govuk_publishing_components, govuk/LANG/LC_MESSAGES/govuk.mo; awesomebits' hy)
    # python $S nested EN.json SQ.json sq mozilla/sq/LC_MESSAGES/thimble.mo   (Thimble's
    #     locales/{en-US,sq}/*.properties, each language's files written as one JSON object
    #     {file:key: text})
    # python $S android EN_FILES SQ_FILES sq android/sq/LC_MESSAGES/ooni-probe.mo   (OONI Probe's
    #     composeApp/src/{commonMain,ooniMain}/composeResources/values{,-sq}/strings-*.xml)
    # python $S json ROOT LANG mediawiki/LANG/LC_MESSAGES/mw-securepoll.mo SecurePoll/i18n and
    #     python $S json ROOT hy wiki/hy/LC_MESSAGES/pageviews.mo pageviews   (Pageviews'
    #     messages/en.json and hy.json copied to ROOT/pageviews)
    # round 29 (all three languages; a folder of its own; the twenty-seventh session's): Qt
    # catalogs of Debian 12 packages, gettext catalogs and catalogs made with $S from public
    # repositories (commits in NOTICE.md; one OUT per program and language as CATALOGS names them):
    apt-get download musescore3-common smplayer-l10n
    # python $S qm usr/share/mscore3-3.2/locale/mscore_hy.qm hy \
    #     musescore/hy/LC_MESSAGES/musescore.mo
    # python $S qm usr/share/smplayer/translations/smplayer_sq_AL.qm sq \
    #     smplayer/sq/LC_MESSAGES/smplayer.mo
    # msgfmt po/ka.po (cockpit-project/cockpit, cockpit-machines, cockpit-podman, cockpit-files;
    #     rhinstaller/anaconda-webui; storaged-project/blivet-gui) -o cockpit/ka/LC_MESSAGES/NAME.mo
    #     (fedora/ka/... for anaconda-webui and blivet-gui); msgcat --use-first every */po/ka.po of
    #     rpm-software-management/dnf5 | msgfmt -o dnf/ka/LC_MESSAGES/dnf5.mo
    # msgfmt locale/ka/LC_MESSAGES/django.po (tigeorgia/shenmartav)
    #     -o tigeorgia/ka/LC_MESSAGES/shenmartav.mo; msgfmt locale/sq/LC_MESSAGES/django.po
    #     (WeblateOrg/website) -o weblate/sq/LC_MESSAGES/weblate-website.mo
    # msgcat --use-first sq/LC_MESSAGES/{django,javascript,react}.po (mozilla-l10n/mdn-l10n)
    #     | msgfmt -o mdn/sq/LC_MESSAGES/kuma.mo
    # python $S nested EN_FILES LANG_FILES LANG OUT   (Rails YAML read with PyYAML and written as
    #     JSON with its keys as strings: tigeorgia/e-procurement-site's config/locales/{,default.,
    #     devise.,formtastic.,wp.}{en,ka}.yml, tigeorgia/ka/.../e-procurement.mo; Greenlight's
    #     config/locales/{en,hy}.yml, greenlight/hy/.../greenlight.mo; Mastodon's
    #     config/locales/{,activerecord.,devise.,doorkeeper.,simple_form.}LANG.yml and
    #     app/javascript/mastodon/locales/LANG.json, mastodon/LANG/.../mastodon.mo: ka every file,
    #     hy the YAML files only, sq the JSON file and LANG.yml less its admin.* keys)
    # python $S nested EN.json SQ.json sq mozilla/sq/LC_MESSAGES/gaia.mo   (Gaia's
    #     en-US/**/*.properties and sq/'s, each language's written as one JSON object
    #     {path:key: text}, a message equal to its English or empty left out)
    # python $S nested EN.json KA.json ka npp/ka/LC_MESSAGES/notepad-plus-plus.mo   (Notepad++'s
    #     nativeLang english.xml and georgian.xml, each element's name/title attribute keyed by its
    #     element path and id, written as JSON)
    # round 30 (all three languages; a folder of its own; the twenty-eighth session's): catalogs
    # made with $S and msgfmt from public repositories (commits in NOTICE.md; one OUT per program
    # and language as CATALOGS names them):
    # python $S nested locales/en/json.json,locales/en/php.json \
    #     locales/LANG/json.json,locales/LANG/php.json LANG laravel/LANG/LC_MESSAGES/laravel.mo
    #     (Laravel-Lang/lang)
    # python $S android EN_FILES LANG_FILES LANG android/LANG/LC_MESSAGES/NAME.mo   (every
    #     **/res/values-LANG/NAME.xml but config.xml with values/NAME.xml: AOSP's TV Settings,
    #     permission controller, Camera2, ManagedProvisioning and Telephony and LineageOS's
    #     Updater (LineageOS's repositories), NAME aosp-tvsettings ... lineage-updater; AOSP
    #     Settings' res/values/strings.xml cut to its first third (1,613 of 4,841 elements) with
    #     values-LANG/strings.xml, aosp-settings; Signal's app/src/main/res/values/strings.xml
    #     cut to its first quarter (1,162 of 4,650) with values-sq/, signal-android; SwissCovid's
    #     common/src/main/res, swisscovid; Aurora Store's app/src/main/res, aurora-store)
    # python $S ts translations/NAME_LANG.ts LANG deepin/LANG/LC_MESSAGES/NAME.mo   (Deepin's
    #     dde-file-manager (hy: its first 70 of 189 contexts), dde-control-center and, every
    #     translations/**/*_ka.ts, deepin-compressor)
    # msgfmt po/ka.po (libguestfs/libguestfs) -o libguestfs/ka/LC_MESSAGES/libguestfs.mo
    # round 31 (all three languages; a folder of its own; the twenty-ninth session's): catalogs
    # made with $S and msgfmt from public repositories (commits in NOTICE.md; one OUT per program
    # and language as CATALOGS names them):
    # msgfmt po/ka.po (sugarlabs/sugar) -o sugar/ka/LC_MESSAGES/sugar.mo; Music Blocks'
    #     po/ka.po (sugarlabs/musicblocks) with its obsolete "#~" lines dropped (they do not
    #     compile), msgcat --no-wrap, cut to its first two thirds of translated entries in file
    #     order (1,182 of 1,773) | msgfmt -o sugar/ka/LC_MESSAGES/musicblocks.mo
    # python $S nested client.en.json,server.en.json client.sq.json,server.sq.json sq \
    #     discourse/sq/LC_MESSAGES/discourse.mo   (Discourse's config/locales/
    #     {client,server}.LANG.yml read with PyYAML's BaseLoader and written as JSON; Armenian:
    #     client.en.json with client.hy.json cut to its js.* keys, discourse/hy/...)
    # python $S nested en.json LOC.json LANG joomla/LANG/LC_MESSAGES/joomla.mo   (Joomla's INI
    #     language files, each {administrator/,}language/LOC/LOC.NAME.ini paired with
    #     language/en-GB/en-GB.NAME.ini and written as one JSON object {side/NAME:KEY: text}, a
    #     text equal to its English or empty left out, a file the same in both sides read once;
    #     Armenian (hy-AM): the site's files (language/hy-AM); Georgian (ka-GE): the module
    #     files, NAME mod_*)
    # python $S android EN_FILES LANG_FILES LANG android/LANG/LC_MESSAGES/NAME.mo   (AOSP
    #     SystemUI's app/src/main/res/values/strings.xml with values-{ka-rGE,hy-rAM}/,
    #     aosp-systemui; ScreenStream's {app,mjpeg,rtsp,webrtc}/src/main/res values with
    #     values-ka, screenstream)
    # python $S nested en.json hy.json hy pixelfed/hy/LC_MESSAGES/pixelfed.mo   (Pixelfed's
    #     resources/lang/{en,hy}/{exception,helpcenter,navmenu,notification,profile,site,
    #     timeline,web}.php read with php and written as one JSON object per language; Laravel's
    #     own auth, pagination, passwords and validation files left out)
    # msgfmt po/ka.po (firewalld/firewalld) -o firewalld/ka/LC_MESSAGES/firewalld.mo;
    #     msgfmt locale/sq/LC_MESSAGES/messages.po (tt-rss/tt-rss) -o ttrss/sq/LC_MESSAGES/tt-rss.mo
    # round 32 (all three languages; a folder of its own; the thirtieth session's): catalogs made
    # with $S and msgfmt from public repositories (commits in NOTICE.md):
    # python $S nested EN_FILES LANG_FILES LANG chatwoot/LANG/LC_MESSAGES/chatwoot.mo   (Chatwoot:
    #     each app/javascript/dashboard/i18n/locale/LANG/NAME.json with locale/en/NAME.json,
    #     app/javascript/{survey,widget}/i18n/locale/LANG.json with en.json, and
    #     config/locales/LANG.yml with en.yml read with PyYAML's BaseLoader and written as JSON)
    # python $S nested en.json LANG.json LANG ojs/LANG/LC_MESSAGES/ojs.mo   (Open Journal Systems:
    #     locale/LANG/*.po, whose msgids are message keys, written as one JSON object {key: text}
    #     per language, fuzzy and empty entries left out, a key met twice taken from the first
    #     file in name order; Georgian without manager.po and emails.po)
    # msgfmt resource.language.sq_al/resources/strings.po -o kodi/sq/LC_MESSAGES/kodi.mo   (Kodi)
    # python $S ftl web/locales/en web/locales/LOC LANG commonvoice/LANG/LC_MESSAGES/common-voice.mo
    #     (Common Voice's Fluent files; LOC sq, ka, hy-AM)
    # python $S nested en.i18n.json sq.i18n.json sq rocketchat/sq/LC_MESSAGES/rocketchat.mo
    #     (Rocket.Chat's packages/i18n/src/locales/)
    # round 33 (all three languages; a folder of its own; the thirty-first session's): catalogs made
    # with $S and msgfmt from public repositories and Debian 12 packages (commits in NOTICE.md):
    # python $S nested en.i18n.json ka.i18n.json ka wekan/ka/LC_MESSAGES/wekan.mo   (Wekan's
    #     imports/i18n/data/ at commit 5d83d4c23, 2026-03-19: before the pull of 2026-05-25 that
    #     filled most languages at once, machine-made; Armenian had 2 messages before it)
    # python $S nested en.json ka.json ka bigbluebutton/ka/LC_MESSAGES/bigbluebutton.mo
    #     (BigBlueButton's bigbluebutton-html5/private/locales/, 2021-02)
    # python $S nested en-US.json sq-AL.json sq directus/sq/LC_MESSAGES/directus.mo   (Directus
    #     10.6.4's app/src/lang/translations/*.yaml read with PyYAML's BaseLoader, as JSON)
    # python $S nested en.json sq.json sq owncloud-web/sq/LC_MESSAGES/owncloud-web.mo   (ownCloud
    #     Web's packages/*/l10n/translations.json: each app's "sq" object {English: text}, written
    #     as {app:English: English} and {app:English: text}, plural entries left out)
    # python $S nested en.json ka.json ka forset/ka/LC_MESSAGES/NAME.mo   (ForSet's Rails sites:
    #     config/locales/en.yml with ka.yml, read with BaseLoader, as JSON; NAME election-data,
    #     election-protocols, and parliament-votes with its activerecord, api and root keys only:
    #     the others are the organisation's site template, round 28's StoryBuilder's messages)
    # python $S nested en-LANG.json LANG.json LANG mozilla-ios/LANG/LC_MESSAGES/firefox-ios.mo
    #     (Firefox for iOS: LOC/firefox-ios.xliff, LOC sq, ka, hy-AM, each trans-unit with a
    #     target keyed by its file and id; a unit whose English, over 15 characters, is a msgid of
    #     an earlier round's catalog of the language left out: Firefox and Firefox for Android)
    # python $S qm usr/share/scribus/translations/scribus.sq.qm sq scribus/sq/LC_MESSAGES/scribus.mo
    # python $S qm usr/share/stellarium/translations/stellarium/sq.qm sq \
    #     stellarium/sq/LC_MESSAGES/stellarium.mo
    apt-get download pychess scribus-data stellarium-data rednotebook   # pychess.mo (sq) and
    # rednotebook.mo (ka) as shipped
    # round 34 (all three languages; a folder of its own; the thirty-second session's): Debian 13
    # (trixie) packages and catalogs made with $S from public repositories (commits in NOTICE.md):
    apt-get download kio6 blender-data   # kio6.mo (sq, ka) as shipped; blender.mo (ka): the
    # entries polib reads from it whose index is 0 modulo 8 (every eighth translated entry in
    # the file's order, 4,178 of 33,417), saved by polib as blender/ka/LC_MESSAGES/blender.mo
    apt-get download libkf6archive-data libkf6auth-data libkf6bookmarks-data libkf6codecs-data
    apt-get download libkf6colorscheme-data libkf6completion-data libkf6config-data
    apt-get download libkf6configwidgets-data libkf6contacts-data libkf6coreaddons-data
    apt-get download libkf6dav-data libkf6dbusaddons-data libkf6declarative-data libkf6dnssd-data
    apt-get download libkf6filemetadata-data libkf6globalaccel-data libkf6holidays-data
    apt-get download libkf6i18n-data libkf6iconthemes-data libkf6itemviews-data
    apt-get download libkf6jobwidgets-data libkf6notifications-data libkf6notifyconfig-data
    apt-get download libkf6package-data libkf6parts-data libkf6people-data libkf6pty-data
    apt-get download libkf6purpose-data libkf6qqc2desktopstyle-data libkf6service-data
    apt-get download libkf6solid-data libkf6sonnet-data libkf6statusnotifieritem-data
    apt-get download libkf6syntaxhighlighting-data libkf6unitconversion-data
    apt-get download libkf6userfeedback-data libkf6widgetsaddons-data libkf6windowsystem-data
    # KDE Frameworks 6 (ka): every usr/share/locale/ka/LC_MESSAGES/*.mo of these but purpose6_*
    #     (Purpose's plugins) and kwalletd6, kwallet6-query, kdesud6 (KF5's are earlier rounds'),
    #     and every *_qt.qm (python $S qm FILE ka OUT), joined by polib (the first of each
    #     msgctxt and msgid), less the entries whose msgid (over 15 characters) is a msgid of an
    #     earlier round's Georgian catalog (250: Plasma's font manager's and KDE's earlier
    #     frameworks'), kde-frameworks6/ka/LC_MESSAGES/kde-frameworks6.mo
    # python $S json EXT ka mediawiki/ka/LC_MESSAGES/mw-NAME.mo i18n   (MediaWiki's FlaggedRevs and
    #     LiquidThreads, NAME flaggedrevs, liquidthreads)
    # python $S nested EN_FILES HY_FILES hy nodebb/hy/LC_MESSAGES/nodebb.mo   (NodeBB's
    #     public/language/hy/*.json but admin/ (round 25's nodebb-admin-hy), each with en-GB's)
    # python $S nested en.i18n.json ka-GE.i18n.json ka OUT, then the entries polib reads from
    #     OUT whose index is 0 modulo 3 (every third message, 1,218 of 3,654), saved by polib as
    #     rocketchat/ka/LC_MESSAGES/rocketchat.mo   (Rocket.Chat's Georgian, round 32's copy)
    apt-get download ayatana-indicator-a11y ayatana-indicator-bluetooth ayatana-indicator-display
    apt-get download ayatana-indicator-datetime-common ayatana-indicator-keyboard
    apt-get download ayatana-indicator-messages ayatana-indicator-notifications
    apt-get download ayatana-indicator-power ayatana-indicator-printers ayatana-indicator-session
    apt-get download ayatana-indicator-sound lomiri-common lomiri-addressbook-app
    apt-get download lomiri-calculator-app lomiri-calendar-app lomiri-camera-app lomiri-clock-app
    apt-get download lomiri-content-hub-common lomiri-dialer-app lomiri-docviewer-app
    apt-get download lomiri-download-manager-common lomiri-filemanager-app
    apt-get download lomiri-gallery-app-common lomiri-indicator-location lomiri-indicator-network
    apt-get download lomiri-indicator-transfer-common lomiri-mediaplayer-app-common
    apt-get download lomiri-messaging-app lomiri-music-app lomiri-online-accounts-client-common
    apt-get download lomiri-printing-app lomiri-system-settings lomiri-system-settings-cellular
    apt-get download lomiri-system-settings-online-accounts lomiri-system-settings-phone
    apt-get download lomiri-telephony-service lomiri-teleports-app lomiri-terminal-app
    apt-get download lomiri-tfamanager-app lomiri-weather-app morph-browser
    # Lomiri (sq, hy): every usr/share/locale/LANG/LC_MESSAGES/*.mo of these, joined in path
    #     order (the first of each msgctxt and msgid), lomiri/LANG/LC_MESSAGES/lomiri.mo

Each catalog gets a glossary of its own dominant terms, found by a script and
not by hand: for every frequent English word that mostly follows a determiner
(a noun: "the file", "a folder"), the target-word prefix that best aligns with
it across the catalog (Dice coefficient over entries), and as the term the word
with that prefix that explains most of the observed words under the language's
inflection rules (the dictionary form, as a glossary writer would give it: sq
`emër` rather than `emri`). Words the translators render inconsistently (Dice <
0.45) are not taken, nor a prefix that another English word aligns with better
(competitive linking: kodifikim- is "coding", not "character"), nor modifiers (a
word that mostly stands before another word: selected, default, custom). Where the
best-aligned target word only ever modifies another one (Pidgin's theme: *temë
grafike*, graphic theme, and *temë* alone), the term is that head word, its forms
grouped by the language's rules (temë, tema, teme differ at their fourth letter).
A word of two or three letters has no such prefix, and its forms share none (Armenian
խաղ, game: խաղի, խաղը, խաղեր); a catalog word that short, written in two entries or
more with forms of it (as check-po's rules read them), aligns as one key with its forms
(`_Catalog.short_words`; on committed glossaries `--short-words`).

The term is chosen from the English word's uses as a noun only: the entries where
check-po itself demands a noun's term (`noun_uses`: its part-of-speech test, its English
idioms), so that nano's *type* is not the verb *shtypni* (press keys) of "Type the name",
nor the Armenian dialogs' *number* the count քանակ of "the number of"; with fewer than
MIN_COUNT such uses, the word gets no concept (on glossaries already committed:
`--nouns`). Nor does a word that follows a form of *be* in PREDICATIVE of its entries
("could not be sent", "is running"): a participle or an adjective, not a noun
(`_Catalog.predicative`; on committed glossaries `--participles`). A finite verb form of
the language (`verb_form`: Georgian -ეთ, -ოთ) renders no noun: the word is aligned with the
other words of its entries (KDE's "Click this button", დააწკაპუნეთ ამ ღილაკზე, gave *button*
the imperative, click, then no concept; now the noun ღილაკი), and a term that is still one
gives no concept (on committed glossaries `--verbs` takes such concepts out, `--verb-nouns`
adds the noun's concept where the verb had taken its place). A term the rules read as an
inflected form of a word the catalog writes is given as that word, its dictionary form
(`citation_form`: Georgian's genitive კონტროლის → კონტროლი, a bare stem ფაილ- → ფაილი;
Armenian's article պատմությունը → պատմություն; on committed glossaries `--citations`),
unless that word is another concept's term (`_with_citations`).

Then each concept gets the sense its term covers, as a person writing the glossary
would give it (`_with_senses`): a word whose term is used nearly only in phrases of it
with a neighbouring word, while the word standing alone is said otherwise, gets no
concept (LibreOffice Calc's add-ins: ღირებულება, worth, in "redemption value", "face
value", "present value", but მნიშვნელობა or სიდიდე for "the values"). The step runs on
the glossaries already committed, their terms kept as built and judged, with

    python benchmarks/build_checkpo_real_data.py --senses

Last, a plural the catalog says with a word of its own, and the singular with the term,
each consistently (Armenian Writer's "Options" labels Ընտրանքներ, "this option"
տարբերակ), is recorded as another sense of the concept, its ``not_senses``
(`_with_plurals`; on committed glossaries `--plurals`).
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from moci_vocab.checkpo.source_match import NAME_MARK, source_key  # noqa: E402
from moci_vocab.checkpo.target_match import tokens  # noqa: E402

OUT = REPO / "tests" / "fixtures" / "checkpo" / "real"
MO = "usr/share/locale/{lang}/LC_MESSAGES/"  # where a Debian package puts its catalogs
CATALOGS = {  # name → path inside the extracted packages, per language
    "nautilus": "usr/share/locale/{lang}/LC_MESSAGES/nautilus.mo",
    "vlc": "usr/share/locale/{lang}/LC_MESSAGES/vlc.mo",
    "gtk30": "usr/share/locale/{lang}/LC_MESSAGES/gtk30.mo",
    "thunar": "usr/share/locale/{lang}/LC_MESSAGES/thunar.mo",  # Xfce; no Georgian one
    "xfce4-settings": "usr/share/locale/{lang}/LC_MESSAGES/xfce4-settings.mo",
    "totem": "usr/share/locale/{lang}/LC_MESSAGES/totem.mo",
    "gedit": "usr/share/locale/{lang}/LC_MESSAGES/gedit.mo",
    "gnome-control-center": "usr/share/locale/{lang}/LC_MESSAGES/gnome-control-center-2.0.mo",
    "evince": "usr/share/locale/{lang}/LC_MESSAGES/evince.mo",
    "file-roller": "usr/share/locale/{lang}/LC_MESSAGES/file-roller.mo",
    "gnome-terminal": "usr/share/locale/{lang}/LC_MESSAGES/gnome-terminal.mo",
    "eog": "usr/share/locale/{lang}/LC_MESSAGES/eog.mo",
    # Held out (written to HELDOUT_OUT, measured with bench_checkpo_real.py --heldout).
    "trac": "trac/locale/{lang}/LC_MESSAGES/messages.mo",
    "sphinx": "sphinx/locale/{lang}/LC_MESSAGES/sphinx.mo",
    "hexchat": "usr/share/locale/{lang}/LC_MESSAGES/hexchat.mo",
    "gimp20": "usr/share/locale/{lang}/LC_MESSAGES/gimp20.mo",
    "inkscape": "usr/share/locale/{lang}/LC_MESSAGES/inkscape.mo",
    "libreoffice-sw": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/sw.mo",
    "pidgin": "usr/share/locale/{lang}/LC_MESSAGES/pidgin.mo",
    "tuxpaint": "usr/share/locale/{lang}/LC_MESSAGES/tuxpaint.mo",
    "gnome-disk-utility": "usr/share/locale/{lang}/LC_MESSAGES/gnome-disk-utility.mo",
    "libreoffice-sc": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/sc.mo",
    "pluma": "usr/share/locale/{lang}/LC_MESSAGES/pluma.mo",
    "caja": "usr/share/locale/{lang}/LC_MESSAGES/caja.mo",
    "mate-control-center": "usr/share/locale/{lang}/LC_MESSAGES/mate-control-center.mo",
    "mate-panel": "usr/share/locale/{lang}/LC_MESSAGES/mate-panel.mo",
    "atril": "usr/share/locale/{lang}/LC_MESSAGES/atril.mo",
    "engrampa": "usr/share/locale/{lang}/LC_MESSAGES/engrampa.mo",
    "eom": "usr/share/locale/{lang}/LC_MESSAGES/eom.mo",
    "mate-applets": "usr/share/locale/{lang}/LC_MESSAGES/mate-applets.mo",
    "mate-utils": "usr/share/locale/{lang}/LC_MESSAGES/mate-utils.mo",
    "mate-terminal": "usr/share/locale/{lang}/LC_MESSAGES/mate-terminal.mo",
    "marco": "usr/share/locale/{lang}/LC_MESSAGES/marco.mo",
    "audacity": "usr/share/locale/{lang}/LC_MESSAGES/audacity.mo",
    "evolution": "usr/share/locale/{lang}/LC_MESSAGES/evolution.mo",
    "filezilla": "usr/share/locale/{lang}/LC_MESSAGES/filezilla.mo",
    "poedit": "usr/share/locale/{lang}/LC_MESSAGES/poedit.mo",
    "dolphin": "usr/share/locale/{lang}/LC_MESSAGES/dolphin.mo",
    "okular": "usr/share/locale/{lang}/LC_MESSAGES/okular.mo",
    # Round 7 (added with no rule changed since round 6's fixes).
    "aisleriot": "usr/share/locale/{lang}/LC_MESSAGES/aisleriot.mo",
    "baobab": "usr/share/locale/{lang}/LC_MESSAGES/baobab.mo",
    "caja-extensions": "usr/share/locale/{lang}/LC_MESSAGES/caja-extensions.mo",
    "catfish": "usr/share/locale/{lang}/LC_MESSAGES/catfish.mo",
    "cheese": "usr/share/locale/{lang}/LC_MESSAGES/cheese.mo",
    "deja-dup": "usr/share/locale/{lang}/LC_MESSAGES/deja-dup.mo",
    "evolution-data-server": "usr/share/locale/{lang}/LC_MESSAGES/evolution-data-server.mo",
    "gnome-maps": "usr/share/locale/{lang}/LC_MESSAGES/gnome-maps.mo",
    "gnome-shell": "usr/share/locale/{lang}/LC_MESSAGES/gnome-shell.mo",
    "gnome-software": "usr/share/locale/{lang}/LC_MESSAGES/gnome-software.mo",
    "gnome-system-monitor": "usr/share/locale/{lang}/LC_MESSAGES/gnome-system-monitor.mo",
    "gramps": "usr/share/locale/{lang}/LC_MESSAGES/gramps.mo",
    "konsole": "usr/share/locale/{lang}/LC_MESSAGES/konsole.mo",
    "libxfce4ui": "usr/share/locale/{lang}/LC_MESSAGES/libxfce4ui.mo",
    "mate-calc": "usr/share/locale/{lang}/LC_MESSAGES/mate-calc.mo",
    "mate-desktop": "usr/share/locale/{lang}/LC_MESSAGES/mate-desktop.mo",
    "mate-power-manager": "usr/share/locale/{lang}/LC_MESSAGES/mate-power-manager.mo",
    "mate-screensaver": "usr/share/locale/{lang}/LC_MESSAGES/mate-screensaver.mo",
    "mate-session-manager": "usr/share/locale/{lang}/LC_MESSAGES/mate-session-manager.mo",
    "mate-settings-daemon": "usr/share/locale/{lang}/LC_MESSAGES/mate-settings-daemon.mo",
    "mate-system-monitor": "usr/share/locale/{lang}/LC_MESSAGES/mate-system-monitor.mo",
    "mousepad": "usr/share/locale/{lang}/LC_MESSAGES/mousepad.mo",
    "mutter": "usr/share/locale/{lang}/LC_MESSAGES/mutter.mo",
    "nm-applet": "usr/share/locale/{lang}/LC_MESSAGES/nm-applet.mo",
    "parole": "usr/share/locale/{lang}/LC_MESSAGES/parole.mo",
    "ristretto": "usr/share/locale/{lang}/LC_MESSAGES/ristretto.mo",
    "seahorse": "usr/share/locale/{lang}/LC_MESSAGES/seahorse.mo",
    "simple-scan": "usr/share/locale/{lang}/LC_MESSAGES/simple-scan.mo",
    "thunar-volman": "usr/share/locale/{lang}/LC_MESSAGES/thunar-volman.mo",
    "tuxpaint-config": "usr/share/locale/{lang}/LC_MESSAGES/tuxpaint-config.mo",
    "xfburn": "usr/share/locale/{lang}/LC_MESSAGES/xfburn.mo",
    "xfce4-notifyd": "usr/share/locale/{lang}/LC_MESSAGES/xfce4-notifyd.mo",
    "xfce4-panel": "usr/share/locale/{lang}/LC_MESSAGES/xfce4-panel.mo",
    "xfce4-power-manager": "usr/share/locale/{lang}/LC_MESSAGES/xfce4-power-manager.mo",
    "xfce4-screenshooter": "usr/share/locale/{lang}/LC_MESSAGES/xfce4-screenshooter.mo",
    "xfce4-session": "usr/share/locale/{lang}/LC_MESSAGES/xfce4-session.mo",
    "xfce4-terminal": "usr/share/locale/{lang}/LC_MESSAGES/xfce4-terminal.mo",
    "xfdesktop": "usr/share/locale/{lang}/LC_MESSAGES/xfdesktop.mo",
    "ark": "usr/share/locale/{lang}/LC_MESSAGES/ark.mo",
    "cinnamon": "usr/share/locale/{lang}/LC_MESSAGES/cinnamon.mo",
    "elisa": "usr/share/locale/{lang}/LC_MESSAGES/elisa.mo",
    "gwenview": "usr/share/locale/{lang}/LC_MESSAGES/gwenview.mo",
    "kcalc": "usr/share/locale/{lang}/LC_MESSAGES/kcalc.mo",
    "kdenlive": "usr/share/locale/{lang}/LC_MESSAGES/kdenlive.mo",
    "kfontinst": "usr/share/locale/{lang}/LC_MESSAGES/kfontinst.mo",
    "klipper": "usr/share/locale/{lang}/LC_MESSAGES/klipper.mo",
    "konqueror": "usr/share/locale/{lang}/LC_MESSAGES/konqueror.mo",
    # Round 8 (Albanian only; added with no rule changed since round 7's fixes).
    "glib20": "usr/share/locale/{lang}/LC_MESSAGES/glib20.mo",
    "gthumb": "usr/share/locale/{lang}/LC_MESSAGES/gthumb.mo",
    "yelp": "usr/share/locale/{lang}/LC_MESSAGES/yelp.mo",
    "xfce4-weather-plugin": "usr/share/locale/{lang}/LC_MESSAGES/xfce4-weather-plugin.mo",
    "blueman": "usr/share/locale/{lang}/LC_MESSAGES/blueman.mo",
    "meld": "usr/share/locale/{lang}/LC_MESSAGES/meld.mo",
    "thunar-archive-plugin": "usr/share/locale/{lang}/LC_MESSAGES/thunar-archive-plugin.mo",
    "epiphany": "usr/share/locale/{lang}/LC_MESSAGES/epiphany.mo",
    "orca": "usr/share/locale/{lang}/LC_MESSAGES/orca.mo",
    "gnome-session": "usr/share/locale/{lang}/LC_MESSAGES/gnome-session-43.mo",
    "audacious-plugins": "usr/share/locale/{lang}/LC_MESSAGES/audacious-plugins.mo",
    "nemo": "usr/share/locale/{lang}/LC_MESSAGES/nemo.mo",
    "ktorrent": "usr/share/locale/{lang}/LC_MESSAGES/ktorrent.mo",
    "cinnamon-control-center": "usr/share/locale/{lang}/LC_MESSAGES/cinnamon-control-center.mo",
    "xarchiver": "usr/share/locale/{lang}/LC_MESSAGES/xarchiver.mo",
    "gnome-applets": "usr/share/locale/{lang}/LC_MESSAGES/gnome-applets.mo",
    "gnome-panel": "usr/share/locale/{lang}/LC_MESSAGES/gnome-panel.mo",
    "digikam": "usr/share/locale/{lang}/LC_MESSAGES/digikam.mo",
    "libgweather": "usr/share/locale/{lang}/LC_MESSAGES/libgweather-4.0.mo",
    "gstreamer": "usr/share/locale/{lang}/LC_MESSAGES/gstreamer-1.0.mo",
    "metacity": "usr/share/locale/{lang}/LC_MESSAGES/metacity.mo",
    "zenity": "usr/share/locale/{lang}/LC_MESSAGES/zenity.mo",
    "vino": "usr/share/locale/{lang}/LC_MESSAGES/vino.mo",
    "quadrapassel": "usr/share/locale/{lang}/LC_MESSAGES/quadrapassel.mo",
    # Round 9 (Georgian and Armenian only, added with main's rules after round 7's fixes).
    "NetworkManager": MO + "NetworkManager.mo",
    "PackageKit": MO + "PackageKit.mo",
    "akregator": MO + "akregator.mo",
    "anjuta": MO + "anjuta.mo",
    "balooctl5": MO + "balooctl5.mo",
    "cups-pk-helper": MO + "cups-pk-helper.mo",
    "dragonplayer": MO + "dragonplayer.mo",
    "filelight": MO + "filelight.mo",
    "gdm": MO + "gdm.mo",
    "gigolo": MO + "gigolo.mo",
    "gnome-bluetooth": MO + "gnome-bluetooth-3.0.mo",
    "gnome-builder": MO + "gnome-builder.mo",
    "gnome-calendar": MO + "gnome-calendar.mo",
    "gnome-chess": MO + "gnome-chess.mo",
    "gnome-initial-setup": MO + "gnome-initial-setup.mo",
    "gnome-photos": MO + "gnome-photos.mo",
    "gnome-system-tools": MO + "gnome-system-tools.mo",
    "gnome-text-editor": MO + "gnome-text-editor.mo",
    "gnome-tweaks": MO + "gnome-tweaks.mo",
    "gsettings-desktop-schemas": MO + "gsettings-desktop-schemas.mo",
    "gvfs": MO + "gvfs.mo",
    "juk": MO + "juk.mo",
    "kaccess": MO + "kaccess.mo",
    "kcm5_device_automounter": MO + "kcm5_device_automounter.mo",
    "kcm5_filetypes": MO + "kcm5_filetypes.mo",
    "kcm5_joystick": MO + "kcm5_joystick.mo",
    "kcm_activities5": MO + "kcm_activities5.mo",
    "kcm_desktoppaths": MO + "kcm_desktoppaths.mo",
    "kcm_keys": MO + "kcm_keys.mo",
    "kcm_kscreen": MO + "kcm_kscreen.mo",
    "kcm_kwindecoration": MO + "kcm_kwindecoration.mo",
    "kcm_kwintabbox": MO + "kcm_kwintabbox.mo",
    "kcm_plasmasearch": MO + "kcm_plasmasearch.mo",
    "kcm_solid_actions": MO + "kcm_solid_actions.mo",
    "kcm_touchpad": MO + "kcm_touchpad.mo",
    "kcmkwallet": MO + "kcmkwallet.mo",
    "kcmutils5": MO + "kcmutils5.mo",
    "kdeconnect-cli": MO + "kdeconnect-cli.mo",
    "kdesu5": MO + "kdesu5.mo",
    "kdialog": MO + "kdialog.mo",
    "kfind": MO + "kfind.mo",
    "kget": MO + "kget.mo",
    "kgpg": MO + "kgpg.mo",
    "kig": MO + "kig.mo",
    "kleopatra": MO + "kleopatra.mo",
    "kmplot": MO + "kmplot.mo",
    "korganizer": MO + "korganizer.mo",
    "krdc": MO + "krdc.mo",
    "kruler": MO + "kruler.mo",
    "kstart5": MO + "kstart5.mo",
    "ksystemlog": MO + "ksystemlog.mo",
    "ktextwidgets5": MO + "ktextwidgets5.mo",
    "ktimer": MO + "ktimer.mo",
    "kwallet-query": MO + "kwallet-query.mo",
    "kwalletd5": MO + "kwalletd5.mo",
    "kwalletmanager": MO + "kwalletmanager.mo",
    "kwin": MO + "kwin.mo",
    "kwin_effects": MO + "kwin_effects.mo",
    "kwordquiz": MO + "kwordquiz.mo",
    "kxmlgui5": MO + "kxmlgui5.mo",
    "libdiscover": MO + "libdiscover.mo",
    "libgnomekbd": MO + "libgnomekbd.mo",
    "libmatekbd": MO + "libmatekbd.mo",
    "libnma": MO + "libnma.mo",
    "mate-indicator-applet": MO + "mate-indicator-applet.mo",
    "partitionmanager": MO + "partitionmanager.mo",
    "plasma-discover": MO + "plasma-discover.mo",
    "plasma_applet_org.kde.plasma.mediaframe": MO + "plasma_applet_org.kde.plasma.mediaframe.mo",
    "plasma_applet_org.kde.plasma.notes": MO + "plasma_applet_org.kde.plasma.notes.mo",
    "plasma_applet_org.kde.plasma.taskmanager": MO + "plasma_applet_org.kde.plasma.taskmanager.mo",
    "plasma_shell_org.kde.plasma.desktop": MO + "plasma_shell_org.kde.plasma.desktop.mo",
    "plasmanetworkmanagement-kcm": MO + "plasmanetworkmanagement-kcm.mo",
    "plasmanetworkmanagement-kded": MO + "plasmanetworkmanagement-kded.mo",
    "plasmanetworkmanagement-libs": MO + "plasmanetworkmanagement-libs.mo",
    "plasmanetworkmanagement_openvpnui": MO + "plasmanetworkmanagement_openvpnui.mo",
    "powerdevilglobalconfig": MO + "powerdevilglobalconfig.mo",
    "spectacle": MO + "spectacle.mo",
    "system-config-printer": MO + "system-config-printer.mo",
    "systemsettings": MO + "systemsettings.mo",
    "xfce4-clipman-plugin": MO + "xfce4-clipman-plugin.mo",
    "xfce4-diskperf-plugin": MO + "xfce4-diskperf-plugin.mo",
    "xfconf": MO + "xfconf.mo",
    "yakuake": MO + "yakuake.mo",
    # Round 10 (Albanian only, added with main's rules after the third session's fixes).
    "audacious": MO + "audacious.mo",
    "gtksourceview-4": MO + "gtksourceview-4.mo",
    "gtranslator": MO + "gtranslator.mo",
    "libmateweather": MO + "libmateweather.mo",
    "vinagre": MO + "vinagre.mo",
    "xfce4-mailwatch-plugin": MO + "xfce4-mailwatch-plugin.mo",
    # Round 11 (Albanian and Armenian): web applications' and an IDE's catalogs from PyPI
    # wheels, and Debian 12 programs never used before.
    "weblate": "weblate/locale/{lang}/LC_MESSAGES/django.mo",
    "django-cms": "cms/locale/{lang}/LC_MESSAGES/django.mo",
    "kiwitcms": "tcms/locale/{lang}/LC_MESSAGES/django.mo",
    "thonny": "thonny/locale/{lang}/LC_MESSAGES/thonny.mo",
    "remmina": MO + "remmina.mo",
    "pluma-plugins": MO + "pluma-plugins.mo",
    "xfce4-indicator-plugin": MO + "xfce4-indicator-plugin.mo",
    "xfce4-mount-plugin": MO + "xfce4-mount-plugin.mo",
    "xfce4-timer-plugin": MO + "xfce4-timer-plugin.mo",
    # Round 12 (all three languages): a REST framework's, a ticket shop's, a torrent
    # client's, a data portal's and an accounts library's catalogs from PyPI, a music
    # tagger's from its sources, and Debian 12 programs never used before (KDE's text
    # editor and its plugins, games, GNOME and Cinnamon parts).
    "djangorestframework": "rest_framework/locale/{lang}/LC_MESSAGES/django.mo",
    "pretix": "pretix/locale/{lang}/LC_MESSAGES/djangojs.mo",
    "deluge": "deluge/i18n/{lang}/LC_MESSAGES/deluge.mo",
    "ckan": "ckan/i18n/{lang}/LC_MESSAGES/ckan.mo",
    "django-allauth": "allauth/locale/{lang}/LC_MESSAGES/django.mo",
    "picard": "picard/locale/{lang}/LC_MESSAGES/picard.mo",
    "kturtle": MO + "kturtle.mo",
    "gedit-plugins": MO + "gedit-plugins.mo",
    "knavalbattle": MO + "knavalbattle.mo",
    "kate": MO + "kate.mo",
    "katebuild-plugin": MO + "katebuild-plugin.mo",
    "katefiletree": MO + "katefiletree.mo",
    "katekeyboardmacros": MO + "katekeyboardmacros.mo",
    "kateproject": MO + "kateproject.mo",
    "katesearch": MO + "katesearch.mo",
    "katesnippetsplugin": MO + "katesnippetsplugin.mo",
    "ktexteditor5": MO + "ktexteditor5.mo",
    "kcron": MO + "kcron.mo",
    "kdebugsettings": MO + "kdebugsettings.mo",
    "kdiamond": MO + "kdiamond.mo",
    "kmag": MO + "kmag.mo",
    "kmahjongg": MO + "kmahjongg.mo",
    "kmouth": MO + "kmouth.mo",
    "knotes": MO + "knotes.mo",
    "libnoteshared": MO + "libnoteshared.mo",
    "kshisen": MO + "kshisen.mo",
    "ksquares": MO + "ksquares.mo",
    "ksudoku": MO + "ksudoku.mo",
    "plasma-systemmonitor": MO + "plasma-systemmonitor.mo",
    "ksysguard_face_applicationstable": MO
    + "ksysguard_face_org.kde.ksysguard.applicationstable.mo",
    "gnome-online-accounts": MO + "gnome-online-accounts.mo",
    "gnome-dictionary": MO + "gnome-dictionary.mo",
    "cinnamon-screensaver": MO + "cinnamon-screensaver.mo",
    "xdg-desktop-portal-gnome": MO + "xdg-desktop-portal-gnome.mo",
    # Round 13 (the same session's second batch): an e-commerce framework's and a CMS's
    # widgets' catalogs from PyPI, GNOME programs of Debian 13 never used before.
    "django-oscar": "oscar/locale/{lang}/LC_MESSAGES/django.mo",
    "plone-widgets": "plone/app/locales/locales/{lang}/LC_MESSAGES/widgets.mo",
    "amberol": MO + "amberol.mo",
    "apostrophe": MO + "apostrophe.mo",
    "fragments": MO + "fragments.mo",
    "gnome-firmware": MO + "gnome-firmware.mo",
    "gnome-podcasts": MO + "gnome-podcasts.mo",
    "loupe": MO + "loupe.mo",
    "seahorse-nautilus": MO + "seahorse-nautilus.mo",
    "secrets": MO + "secrets.mo",
    "shortwave": MO + "shortwave.mo",
    "snapshot": MO + "snapshot.mo",
    "warp": MO + "warp-gtk.mo",
    # Round 14 (the same session's third batch): KDE programs of Debian 13 never used before.
    "artikulate": MO + "artikulate.mo",
    "cantor": MO + "cantor.mo",
    "haruna": MO + "haruna.mo",
    "kanagram": MO + "kanagram.mo",
    "kasts": MO + "kasts.mo",
    "kbackup": MO + "kbackup.mo",
    "kbruch": MO + "kbruch.mo",
    "kcachegrind": MO + "kcachegrind.mo",
    "kclock": MO + "kclock.mo",
    "kde-itinerary": MO + "kde-itinerary.mo",
    "keysmith": MO + "keysmith.mo",
    "kgeotag": MO + "kgeotag.mo",
    "khangman": MO + "khangman.mo",
    "kiten": MO + "kiten.mo",
    "kolourpaint": MO + "kolourpaint.mo",
    "krusader": MO + "krusader.mo",
    "kweather": MO + "kweather.mo",
    "merkuro": MO + "merkuro.mo",
    "neochat": MO + "neochat.mo",
    "rocs": MO + "rocs.mo",
    "skanpage": MO + "skanpage.mo",
    "tokodon": MO + "tokodon.mo",
    # Round 15: LibreOffice's other modules (Writer's and Calc's are rounds 1 and 2).
    "libreoffice-basctl": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/basctl.mo",
    "libreoffice-cui": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/cui.mo",
    "libreoffice-dba": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/dba.mo",
    "libreoffice-frm": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/frm.mo",
    "libreoffice-pcr": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/pcr.mo",
    "libreoffice-sca": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/sca.mo",
    "libreoffice-sd": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/sd.mo",
    "libreoffice-sfx": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/sfx.mo",
    "libreoffice-svt": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/svt.mo",
    "libreoffice-svx": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/svx.mo",
    "libreoffice-uui": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/uui.mo",
    "libreoffice-wiz": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/wiz.mo",
    # Round 16 (the tenth session's round, all three languages): programs of Debian 13 never
    # used (KDE, GNOME, Cinnamon, GNU and Debian tools), LibreOffice's modules not used before
    # and the Mailman 3 suite from PyPI.
    "gnome-music": MO + "org.gnome.Music.mo",
    "bluedevil": MO + "bluedevil.mo",
    "kcm_bluetooth": MO + "kcm_bluetooth.mo",
    "plasma_applet_org.kde.plasma.bluetooth": MO + "plasma_applet_org.kde.plasma.bluetooth.mo",
    "dconf-editor": MO + "dconf-editor.mo",
    "geary": MO + "geary.mo",
    "gnome-boxes": MO + "gnome-boxes.mo",
    "gnome-calculator": MO + "gnome-calculator.mo",
    "gnome-contacts": MO + "gnome-contacts.mo",
    "gnome-keyring": MO + "gnome-keyring.mo",
    "gnome-mines": MO + "gnome-mines.mo",
    "gnome-nibbles": MO + "gnome-nibbles.mo",
    "gnome-remote-desktop": MO + "gnome-remote-desktop.mo",
    "gnome-settings-daemon": MO + "gnome-settings-daemon.mo",
    "kaddressbook_importexportplugins": MO + "kaddressbook_importexportplugins.mo",
    "kaddressbook_plugins": MO + "kaddressbook_plugins.mo",
    "kaffeine": MO + "kaffeine.mo",
    "kajongg": MO + "kajongg.mo",
    "kalarm": MO + "kalarm.mo",
    "kblackbox": MO + "kblackbox.mo",
    "kcm_printer_manager": MO + "kcm_printer_manager.mo",
    "print-manager": MO + "print-manager.mo",
    "kdeconnect-app": MO + "kdeconnect-app.mo",
    "kdiff3": MO + "kdiff3.mo",
    "kgoldrunner": MO + "kgoldrunner.mo",
    "killbots": MO + "killbots.mo",
    "kjumpingcube": MO + "kjumpingcube.mo",
    "kmail": MO + "kmail.mo",
    "kmail_editorsendcheck_plugins": MO + "kmail_editorsendcheck_plugins.mo",
    "kmail_plugins": MO + "kmail_plugins.mo",
    "knights": MO + "knights.mo",
    "kolf": MO + "kolf.mo",
    "kompare": MO + "kompare.mo",
    "kontact": MO + "kontact.mo",
    "kphotoalbum": MO + "kphotoalbum.mo",
    "ksirk": MO + "ksirk.mo",
    "ksirkskineditor": MO + "ksirkskineditor.mo",
    "kstars": MO + "kstars.mo",
    "ksystemstats_plugins": MO + "ksystemstats_plugins.mo",
    "kubrick": MO + "kubrick.mo",
    "kwave": MO + "kwave.mo",
    "messageviewer_text_calendar_plugin": MO + "messageviewer_text_calendar_plugin.mo",
    "messageviewerconfiguresettingsplugins": MO + "messageviewerconfiguresettingsplugins.mo",
    "messageviewerplugins": MO + "messageviewerplugins.mo",
    "pimdataexporter": MO + "pimdataexporter.mo",
    "plasma-welcome": MO + "plasma-welcome.mo",
    "plasmavault-kde": MO + "plasmavault-kde.mo",
    "polari": MO + "polari.mo",
    "rhythmbox": MO + "rhythmbox.mo",
    "shotwell": MO + "shotwell.mo",
    "sieveeditor": MO + "sieveeditor.mo",
    "tinysparql3": MO + "tinysparql3.mo",
    "coreutils": MO + "coreutils.mo",
    "debconf": MO + "debconf.mo",
    "findutils": MO + "findutils.mo",
    "gnome-commander": MO + "gnome-commander.mo",
    "grep": MO + "grep.mo",
    "libc": MO + "libc.mo",
    "planner": MO + "planner.mo",
    "shadow": MO + "shadow.mo",
    "tar": MO + "tar.mo",
    "terminator": MO + "terminator.mo",
    "appstream": MO + "appstream.mo",
    "flatpak": MO + "flatpak.mo",
    "fwupd": MO + "fwupd.mo",
    "libpwquality": MO + "libpwquality.mo",
    "rygel": MO + "rygel.mo",
    "udisks2": MO + "udisks2.mo",
    "bleachbit": MO + "bleachbit.mo",
    "nano": MO + "nano.mo",
    "devhelp": MO + "devhelp.mo",
    "xfce4-screensaver": MO + "xfce4-screensaver.mo",
    "liferea": MO + "liferea.mo",
    "onboard": MO + "onboard.mo",
    "xfce4-appfinder": MO + "xfce4-appfinder.mo",
    "libreoffice-chart": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/chart.mo",
    "libreoffice-cnr": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/cnr.mo",
    "libreoffice-dkt": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/dkt.mo",
    "libreoffice-editeng": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/editeng.mo",
    "libreoffice-flt": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/flt.mo",
    "libreoffice-fps": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/fps.mo",
    "libreoffice-sb": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/sb.mo",
    "libreoffice-sm": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/sm.mo",
    "libreoffice-vcl": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/vcl.mo",
    "libreoffice-xsc": "usr/lib/libreoffice/program/resource/{lang}/LC_MESSAGES/xsc.mo",
    "postorius": "postorius/locale/{lang}/LC_MESSAGES/django.mo",
    "hyperkitty": "hyperkitty/locale/{lang}/LC_MESSAGES/django.mo",
    "django-mailman3": "django_mailman3/locale/{lang}/LC_MESSAGES/django.mo",
    "mailman": "mailman/messages/{lang}/LC_MESSAGES/mailman.mo",
    # Round 17: Thunderbird's language packs, paired with the en-US strings of the same build
    # by mozilla_langpack_po.py (see the docstring) and compiled with msgfmt.
    "thunderbird": "mozilla/{lang}/LC_MESSAGES/thunderbird.mo",
    "brasero": MO + "brasero.mo",
    "gparted": MO + "gparted.mo",
    "libfm": MO + "libfm.mo",
    "lxpanel": MO + "lxpanel.mo",
    "lxappearance": MO + "lxappearance.mo",
    "xfce4-panel-profiles": MO + "xfce4-panel-profiles.mo",
    "xfce4-xkb-plugin": MO + "xfce4-xkb-plugin.mo",
    "claws-mail": MO + "claws-mail.mo",
    "ghex": MO + "ghex.mo",
    "aspell": MO + "aspell.mo",
    "cpio": MO + "cpio.mo",
    "gdk-pixbuf": MO + "gdk-pixbuf.mo",
    "libgsf": MO + "libgsf.mo",
    "procps-ng": MO + "procps-ng.mo",
    "sane-backends": MO + "sane-backends.mo",
    "sudo": MO + "sudo.mo",
    "texinfo": MO + "texinfo.mo",
    "texinfo_document": MO + "texinfo_document.mo",
    "vorbis-tools": MO + "vorbis-tools.mo",
    "xz": MO + "xz.mo",
    "xkeyboard-config": MO + "xkeyboard-config.mo",
    # Round 18: LibreOffice's help, its menus and commands (officecfg), its Basic wizards'
    # resources and its bundled extensions' strings, compiled from the translation sources
    # (Debian ships them as help pages, registry and .properties files, not as catalogs),
    # web applications' catalogs (phpMyAdmin, Zabbix, WordPress), Calibre's (from its
    # locales.zip), Debian 13 programs never used, and Firefox (Armenian only, see the docstring).
    "phpmyadmin": "usr/share/phpmyadmin/locale/{lang}/LC_MESSAGES/phpmyadmin.mo",
    "zabbix": "usr/share/zabbix/locale/{lang}/LC_MESSAGES/frontend.mo",
    "wordpress": "usr/share/wordpress/wp-content/languages/{lang}.mo",  # ka_GE.mo
    "wordpress-admin": "usr/share/wordpress/wp-content/languages/admin-{lang}.mo",
    "wordpress-admin-network": "usr/share/wordpress/wp-content/languages/admin-network-{lang}.mo",
    "calibre": "usr/share/calibre/localization/locales/{lang}/messages.mo",
    "firefox-esr": "mozilla/{lang}/LC_MESSAGES/firefox-esr.mo",
    "libreoffice-help": "libreoffice-src/{lang}/LC_MESSAGES/help.mo",
    "libreoffice-officecfg": "libreoffice-src/{lang}/LC_MESSAGES/officecfg.mo",
    "libreoffice-wizards": "libreoffice-src/{lang}/LC_MESSAGES/wizards.mo",
    "libreoffice-extensions": "libreoffice-src/{lang}/LC_MESSAGES/extensions.mo",
    "accerciser": MO + "accerciser.mo",
    "kbd": MO + "kbd.mo",
    "gnome-calls": MO + "calls.mo",
    "akonadi_davgroupware_resource": MO + "akonadi_davgroupware_resource.mo",
    "akonadi_ews_resource": MO + "akonadi_ews_resource.mo",
    "akonadi_imap_resource": MO + "akonadi_imap_resource.mo",
    "akonadi_maildir_resource": MO + "akonadi_maildir_resource.mo",
    "akonadi_maildispatcher_agent": MO + "akonadi_maildispatcher_agent.mo",
    "akonadi_mbox_resource": MO + "akonadi_mbox_resource.mo",
    "akonadi_mixedmaildir_resource": MO + "akonadi_mixedmaildir_resource.mo",
    "akonadi_pop3_resource": MO + "akonadi_pop3_resource.mo",
    "akonadi_singlefile_resource": MO + "akonadi_singlefile_resource.mo",
    "alsa-utils": MO + "alsa-utils.mo",
    "amarok": MO + "amarok.mo",
    "authenticator": MO + "authenticator.mo",
    "gimp30-std-plug-ins": MO + "gimp30-std-plug-ins.mo",
    "gnome-color-manager": MO + "gnome-color-manager.mo",
    "gnutls": MO + "gnutls30.mo",
    "grub": MO + "grub.mo",
    "kcm_cursortheme": MO + "kcm_cursortheme.mo",
    "kcm_desktoptheme": MO + "kcm_desktoptheme.mo",
    "kcm_lookandfeel": MO + "kcm_lookandfeel.mo",
    "kcm_nightlight": MO + "kcm_nightlight.mo",
    "kcm_notifications": MO + "kcm_notifications.mo",
    "kcm_users": MO + "kcm_users.mo",
    "kio-extras_kcms": MO + "kio-extras_kcms.mo",
    "kio6_gdrive": MO + "kio6_gdrive.mo",
    "knewstuff6": MO + "knewstuff6.mo",
    "libkicker": MO + "libkicker.mo",
    "plasma_applet_org.kde.plasma.devicenotifier": MO
    + "plasma_applet_org.kde.plasma.devicenotifier.mo",
    "plasma_runner_sessions": MO + "plasma_runner_sessions.mo",
    "plasmashellprivateplugin": MO + "plasmashellprivateplugin.mo",
    "skrooge": MO + "skrooge.mo",
    "sysprof": MO + "sysprof.mo",
    "systemd": MO + "systemd.mo",
    "timeshift": MO + "timeshift.mo",
    "zanshin": MO + "zanshin.mo",
    # Round 19: GTK 3's widget property texts (all three languages), OpenStack's dashboard
    # (Horizon), KDE PIM's libraries, KDE Gear and Plasma programs and GNOME programs never
    # used in Georgian (Debian 13); the Georgian catalogs of programs whose other languages are
    # committed (tests/fixtures/checkpo/real) get a name of their own, NAME-trixie.
    "gtk30-properties": MO + "gtk30-properties.mo",
    "horizon-js": "usr/lib/python3/dist-packages/horizon/locale/{lang}/LC_MESSAGES/djangojs.mo",
    "openstack-dashboard": (
        "usr/lib/python3/dist-packages/openstack_dashboard/locale/{lang}/LC_MESSAGES/django.mo"
    ),
    "openstack-dashboard-js": (
        "usr/lib/python3/dist-packages/openstack_dashboard/locale/{lang}/LC_MESSAGES/djangojs.mo"
    ),
    "eog-trixie": MO + "eog.mo",
    "file-roller-trixie": MO + "file-roller.mo",
    "gedit-trixie": MO + "gedit.mo",
    "gnome-terminal-trixie": MO + "gnome-terminal.mo",
    "totem-trixie": MO + "totem.mo",
    "kgeography": MO + "kgeography.mo",
    "ktouch": MO + "ktouch.mo",
    "angelfish": MO + "angelfish.mo",
    "fileviewhgplugin": MO + "fileviewhgplugin.mo",
    "glib-networking": MO + "glib-networking.mo",
    "gnome-shell-extensions": MO + "gnome-shell-extensions.mo",
    "kalzium": MO + "kalzium.mo",
    "kapptemplate": MO + "kapptemplate.mo",
    "kcm_disks": MO + "kcm_disks.mo",
    "kcm_firewall": MO + "kcm_firewall.mo",
    "kcm_pulseaudio": MO + "kcm_pulseaudio.mo",
    "keditbookmarks": MO + "keditbookmarks.mo",
    "klettres": MO + "klettres.mo",
    "kmix": MO + "kmix.mo",
    "konversation": MO + "konversation.mo",
    "labplot": MO + "labplot.mo",
    "palapeli": MO + "palapeli.mo",
    "plasma_applet_org.kde.plasma.colorpicker": MO + "plasma_applet_org.kde.plasma.colorpicker.mo",
    "xdg-desktop-portal-kde": MO + "xdg-desktop-portal-kde.mo",
    "akonadicontact6": MO + "akonadicontact6.mo",
    "ld": MO + "ld.mo",
    "libakonadi-calendar6": MO + "libakonadi-calendar6.mo",
    "libakonadi-kmime6": MO + "libakonadi-kmime6.mo",
    "libakonadi6": MO + "libakonadi6.mo",
    "libkleopatra6": MO + "libkleopatra6.mo",
    "libksieve6": MO + "libksieve6.mo",
    "libmailcommon6": MO + "libmailcommon6.mo",
    "libmailimporter6": MO + "libmailimporter6.mo",
    "libmailtransport6": MO + "libmailtransport6.mo",
    "libmessagecomposer6": MO + "libmessagecomposer6.mo",
    "libmessagecore6": MO + "libmessagecore6.mo",
    "libmessagelist6": MO + "libmessagelist6.mo",
    "libmessageviewer6": MO + "libmessageviewer6.mo",
    "libpimcommon6": MO + "libpimcommon6.mo",
    "libtemplateparser6": MO + "libtemplateparser6.mo",
    # Round 20: Firefox in Albanian ("firefox-esr" above), FreedomBox's web interface,
    # CherryTree, Xfce's Armenian and Georgian catalogs (xfce4-settings, whose Albanian one is
    # committed, as xfce4-settings-trixie), exo, K3b, KDevelop, Chatty, DrKonqi, Calligra and
    # KDE PIM's calendar libraries (Debian 13).
    "freedombox": "usr/lib/python3/dist-packages/plinth/locale/{lang}/LC_MESSAGES/django.mo",
    "cherrytree": MO + "cherrytree.mo",
    "xfce4-settings-trixie": MO + "xfce4-settings.mo",
    "exo": MO + "exo.mo",
    "k3b": MO + "k3b.mo",
    "libk3b": MO + "libk3b.mo",
    "kdevplatform": MO + "kdevplatform.mo",
    "kdevelop": MO + "kdevelop.mo",
    "kdevgit": MO + "kdevgit.mo",
    "kdevgrepview": MO + "kdevgrepview.mo",
    "kdevproblemreporter": MO + "kdevproblemreporter.mo",
    "purism-chatty": MO + "purism-chatty.mo",
    "drkonqi": MO + "drkonqi.mo",
    "calligra": MO + "calligra.mo",
    "calligra_shape_text": MO + "calligra_shape_text.mo",
    "calendarsupport6": MO + "calendarsupport6.mo",
    "libeventviews6": MO + "libeventviews6.mo",
    "libincidenceeditors6": MO + "libincidenceeditors6.mo",
    # Round 21: catalogs made by keyed_catalog_po.py from MediaWiki's JSON message files,
    # OBS Studio's INI locale files and Qt Linguist's .ts files of Calamares and qBittorrent.
    "mediawiki": "mediawiki/{lang}/LC_MESSAGES/mediawiki.mo",
    "mediawiki-extensions": "mediawiki/{lang}/LC_MESSAGES/mediawiki-extensions.mo",
    "obs-studio": "obs/{lang}/LC_MESSAGES/obs-studio.mo",
    "calamares": "qt/{lang}/LC_MESSAGES/calamares.mo",
    "qbittorrent": "qt/{lang}/LC_MESSAGES/qbittorrent.mo",
    # Round 22: gettext catalogs of programs no round used (Debian 13's darktable and Krita,
    # GeoNode's wheel) and catalogs made by keyed_catalog_po.py from nested JSON and YAML,
    # PHP, Fluent, compiled Qt and Android message files.
    "darktable": MO + "darktable.mo",
    "krita": MO + "krita.mo",
    "geonode": "geonode/locale/{lang}/LC_MESSAGES/django.mo",
    "keepassxc": "qt/{lang}/LC_MESSAGES/keepassxc.mo",
    "gcompris": "qt/{lang}/LC_MESSAGES/gcompris.mo",
    "lichess-mobile": "lichess/{lang}/LC_MESSAGES/lichess-mobile.mo",
    "blockly": "blockly/{lang}/LC_MESSAGES/blockly.mo",
    "scratch": "scratch/{lang}/LC_MESSAGES/scratch.mo",
    "osm-id": "osm/{lang}/LC_MESSAGES/osm-id.mo",
    "osm-website": "osm/{lang}/LC_MESSAGES/osm-website.mo",
    "jitsi-meet": "jitsi/{lang}/LC_MESSAGES/jitsi-meet.mo",
    "roundcube": "roundcube/{lang}/LC_MESSAGES/roundcube.mo",
    "dokuwiki": "dokuwiki/{lang}/LC_MESSAGES/dokuwiki.mo",
    "anki": "anki/{lang}/LC_MESSAGES/anki.mo",
    "wikipedia-android": "wikipedia/{lang}/LC_MESSAGES/wikipedia-android.mo",
    # Round 23: catalogs made by keyed_catalog_po.py from a browser extension's and a media
    # server's JSON messages, Android apps' strings.xml and MediaWiki extensions' JSON files
    # (extensions Debian's mediawiki does not bundle).
    "ublock-origin": "ublock/{lang}/LC_MESSAGES/ublock-origin.mo",
    "jellyfin-web": "jellyfin/{lang}/LC_MESSAGES/jellyfin-web.mo",
    "thunderbird-android": "android/{lang}/LC_MESSAGES/thunderbird-android.mo",
    "newpipe": "android/{lang}/LC_MESSAGES/newpipe.mo",
    "ankidroid": "android/{lang}/LC_MESSAGES/ankidroid.mo",
    "vlc-android": "android/{lang}/LC_MESSAGES/vlc-android.mo",
    "mw-contenttranslation": "mediawiki/{lang}/LC_MESSAGES/mw-contenttranslation.mo",
    "mw-growthexperiments": "mediawiki/{lang}/LC_MESSAGES/mw-growthexperiments.mo",
    "mw-uploadwizard": "mediawiki/{lang}/LC_MESSAGES/mw-uploadwizard.mo",
    "mw-translate": "mediawiki/{lang}/LC_MESSAGES/mw-translate.mo",
    "mw-centralauth": "mediawiki/{lang}/LC_MESSAGES/mw-centralauth.mo",
    "mw-proofreadpage": "mediawiki/{lang}/LC_MESSAGES/mw-proofreadpage.mo",
    "mw-mobilefrontend": "mediawiki/{lang}/LC_MESSAGES/mw-mobilefrontend.mo",
    "mw-wikimediamessages": "mediawiki/{lang}/LC_MESSAGES/mw-wikimediamessages.mo",
    "mw-campaignevents": "mediawiki/{lang}/LC_MESSAGES/mw-campaignevents.mo",
    "wikibase": "mediawiki/{lang}/LC_MESSAGES/wikibase.mo",
    "fenix": "android/{lang}/LC_MESSAGES/fenix.mo",
    "android-components": "android/{lang}/LC_MESSAGES/android-components.mo",
    "mw-flow": "mediawiki/{lang}/LC_MESSAGES/mw-flow.mo",
    "mw-collection": "mediawiki/{lang}/LC_MESSAGES/mw-collection.mo",
    # Round 24: catalogs made by keyed_catalog_po.py from a home automation web interface's,
    # a web analytics program's, a course dashboard's and a forum's JSON or YAML messages, Qt
    # programs' .ts files and Android apps' strings.xml; two KDE programs' and GTK 4's
    # catalogs as Debian 13 ships them.
    "home-assistant-config": "homeassistant/{lang}/LC_MESSAGES/home-assistant-config.mo",
    "matomo": "matomo/{lang}/LC_MESSAGES/matomo.mo",
    "wikiedu-dashboard": "wikiedu/{lang}/LC_MESSAGES/wikiedu-dashboard.mo",
    "lemmy": "lemmy/{lang}/LC_MESSAGES/lemmy.mo",
    "mumble": "qt/{lang}/LC_MESSAGES/mumble.mo",
    "jami": "qt/{lang}/LC_MESSAGES/jami.mo",
    "pcmanfm-qt": "qt/{lang}/LC_MESSAGES/pcmanfm-qt.mo",
    "briar": "android/{lang}/LC_MESSAGES/briar.mo",
    "mastodon-android": "android/{lang}/LC_MESSAGES/mastodon-android.mo",
    "revanced-manager": "android/{lang}/LC_MESSAGES/revanced-manager.mo",
    "phyphox": "android/{lang}/LC_MESSAGES/phyphox.mo",
    "commons-android": "android/{lang}/LC_MESSAGES/commons-android.mo",
    "focus-android": "android/{lang}/LC_MESSAGES/focus-android.mo",
    "aosp-contacts": "android/{lang}/LC_MESSAGES/aosp-contacts.mo",
    "aosp-email": "android/{lang}/LC_MESSAGES/aosp-email.mo",
    "aosp-calendar": "android/{lang}/LC_MESSAGES/aosp-calendar.mo",
    "aosp-packageinstaller": "android/{lang}/LC_MESSAGES/aosp-packageinstaller.mo",
    "tellico": MO + "tellico.mo",
    "parley": MO + "parley.mo",
    "gtk40": MO + "gtk40.mo",
    # Round 25: catalogs made by keyed_catalog_po.py from messengers' (Element's web client,
    # Session's desktop app, Delta Chat's and Element's Android apps), a forum's (NodeBB), a
    # learning platform's (Kolibri), a photo gallery's (Piwigo), a file sync client's
    # (Nextcloud's Android app) and AOSP Messaging's messages; a DJ program's Qt catalogs
    # (Mixxx) as Debian 13 ships them.
    "matrix-react-sdk": "matrix/{lang}/LC_MESSAGES/matrix-react-sdk.mo",
    "session-desktop": "session/{lang}/LC_MESSAGES/session-desktop.mo",
    "nodebb": "nodebb/{lang}/LC_MESSAGES/nodebb.mo",
    "nodebb-admin": "nodebb/{lang}/LC_MESSAGES/nodebb-admin.mo",
    "kolibri": "kolibri/{lang}/LC_MESSAGES/kolibri.mo",
    "piwigo": "piwigo/{lang}/LC_MESSAGES/piwigo.mo",
    "deltachat-android": "android/{lang}/LC_MESSAGES/deltachat-android.mo",
    "nextcloud-android": "android/{lang}/LC_MESSAGES/nextcloud-android.mo",
    "element-android": "android/{lang}/LC_MESSAGES/element-android.mo",
    "aosp-mms": "android/{lang}/LC_MESSAGES/aosp-mms.mo",
    "mixxx": "qt/{lang}/LC_MESSAGES/mixxx.mo",
    # Round 26: catalogs made by keyed_catalog_po.py (and, for AtoM's XLIFF, its pairing) from
    # Mozilla's website, Wikibase, a file sync client's (ownCloud's desktop and Android
    # clients), a password manager's (KeePassDX), a data collection app's (ODK Collect), a
    # keyboard's (AnySoftKeyboard), an archival description system's (AtoM), a scholarly
    # publishing library's (PKP's), a social network front end's (Soapbox), video front ends'
    # (Piped, Invidious) and a home automation interface's (Home Assistant's) messages; a
    # peer-to-peer client's catalog (aMule) as Debian 13 ships it; Linux Mint's tools' catalogs.
    "www-mozilla": "mozilla/{lang}/LC_MESSAGES/www-mozilla.mo",
    "wikibase-main": "mediawiki/{lang}/LC_MESSAGES/wikibase-main.mo",
    "amule": MO + "amule.mo",
    "owncloud-client": "qt/{lang}/LC_MESSAGES/owncloud-client.mo",
    "owncloud-android": "android/{lang}/LC_MESSAGES/owncloud-android.mo",
    "keepassdx": "android/{lang}/LC_MESSAGES/keepassdx.mo",
    "odk-collect": "android/{lang}/LC_MESSAGES/odk-collect.mo",
    "anysoftkeyboard": "android/{lang}/LC_MESSAGES/anysoftkeyboard.mo",
    "atom": "xliff/{lang}/LC_MESSAGES/atom.mo",
    "pkp-lib": "pkp/{lang}/LC_MESSAGES/pkp-lib.mo",
    "soapbox": "web/{lang}/LC_MESSAGES/soapbox.mo",
    "piped": "web/{lang}/LC_MESSAGES/piped.mo",
    "invidious": "web/{lang}/LC_MESSAGES/invidious.mo",
    "home-assistant-frontend": "homeassistant/{lang}/LC_MESSAGES/home-assistant-frontend.mo",
    "mint-tools": "mint/{lang}/LC_MESSAGES/mint-tools.mo",
    # Round 27: gettext catalogs of a game engine's editor (Godot), a civil-society
    # collaboration platform (WECHANGE's cosinnus), a youth e-participation platform (OPIN)
    # and a web framework (Django), and catalogs made by keyed_catalog_po.py from an issue
    # tracker's, a social network's and an e-democracy platform's Rails YAML (Redmine,
    # diaspora*, CONSUL Democracy), a psychological support platform's and an events agenda's
    # JSON (USupport, Gancio), a VPN client's XLIFF (Mozilla VPN) and Android system apps'
    # strings.xml (LineageOS's Dialer, Trebuchet and apps, AOSP's Gallery2).
    "godot-editor": "godot/{lang}/LC_MESSAGES/godot-editor.mo",
    "redmine": "redmine/{lang}/LC_MESSAGES/redmine.mo",
    "usupport": "usupport/{lang}/LC_MESSAGES/usupport.mo",
    "cosinnus": "cosinnus/{lang}/LC_MESSAGES/cosinnus.mo",
    "opin": "opin/{lang}/LC_MESSAGES/opin.mo",
    "mozilla-vpn": "mozilla-vpn/{lang}/LC_MESSAGES/mozilla-vpn.mo",
    "gancio": "gancio/{lang}/LC_MESSAGES/gancio.mo",
    "django-core": "django/{lang}/LC_MESSAGES/django-core.mo",
    "diaspora": "diaspora/{lang}/LC_MESSAGES/diaspora.mo",
    "lineage-dialer": "android/{lang}/LC_MESSAGES/lineage-dialer.mo",
    "trebuchet": "android/{lang}/LC_MESSAGES/trebuchet.mo",
    "lineageos-apps": "android/{lang}/LC_MESSAGES/lineageos-apps.mo",
    "aosp-gallery2": "android/{lang}/LC_MESSAGES/aosp-gallery2.mo",
    "consul": "consul/{lang}/LC_MESSAGES/consul.mo",
    # Round 28: gettext catalogs of a civic reporting platform (Transparency International
    # Georgia's FixMyStreet), an app store (Mozilla's Firefox Marketplace), an F-Droid website,
    # a solidarity-economy social network (Noosfero), an OS installer (Ubuntu's Ubiquity with
    # Debian's partitioner) and a software updater (Ubuntu's); catalogs made by
    # keyed_catalog_po.py from Mozilla's web services' Fluent and .properties files (Monitor,
    # Send, Screenshots, Test Pilot, Thimble), Rails YAML of civic-data and storytelling
    # platforms (JumpStart Georgia's StoryBuilder, Xtraktr, Maps for Advocacy, Work Gender
    # Inequality; GOV.UK's frontends; the Awesome Foundation's grants site), a network
    # measurement app's Android-style strings (OONI Probe) and MediaWiki-style JSON
    # (SecurePoll's elections, the Pageviews tool).
    "fixmystreet-ge": "fixmystreet/{lang}/LC_MESSAGES/fixmystreet-ge.mo",
    "monitor-website": "mozilla/{lang}/LC_MESSAGES/monitor-website.mo",
    "mw-securepoll": "mediawiki/{lang}/LC_MESSAGES/mw-securepoll.mo",
    "govuk": "govuk/{lang}/LC_MESSAGES/govuk.mo",
    "awesomebits": "awesomebits/{lang}/LC_MESSAGES/awesomebits.mo",
    "story-builder": "jumpstart/{lang}/LC_MESSAGES/story-builder.mo",
    "firefox-marketplace": "zamboni/{lang}/LC_MESSAGES/firefox-marketplace.mo",
    "fdroid-website": "fdroid/{lang}/LC_MESSAGES/fdroid-website.mo",
    "firefox-send": "mozilla/{lang}/LC_MESSAGES/firefox-send.mo",
    "firefox-screenshots": "mozilla/{lang}/LC_MESSAGES/firefox-screenshots.mo",
    "testpilot": "mozilla/{lang}/LC_MESSAGES/testpilot.mo",
    "xtraktr": "jumpstart/{lang}/LC_MESSAGES/xtraktr.mo",
    "maps-for-advocacy": "jumpstart/{lang}/LC_MESSAGES/maps-for-advocacy.mo",
    "work-gender-inequality": "jumpstart/{lang}/LC_MESSAGES/work-gender-inequality.mo",
    "noosfero": "noosfero/{lang}/LC_MESSAGES/noosfero.mo",
    "ooni-probe": "android/{lang}/LC_MESSAGES/ooni-probe.mo",
    "pageviews": "wiki/{lang}/LC_MESSAGES/pageviews.mo",
    "thimble": "mozilla/{lang}/LC_MESSAGES/thimble.mo",
    "update-manager": "ubuntu/{lang}/LC_MESSAGES/update-manager.mo",
    "ubiquity": "ubuntu/{lang}/LC_MESSAGES/ubiquity.mo",
    # Round 29: catalogs of a web server administration console (Cockpit, with its virtual
    # machines, containers and files applications), an operating system installer's web
    # interface and a partitioning tool (Fedora's Anaconda Web UI, blivet-gui), a package
    # manager (DNF5), a music notation program (MuseScore 3), a media player (SMPlayer), a text
    # editor (Notepad++), a video conferencing front end (BigBlueButton's Greenlight), a
    # federated social network (Mastodon's server and web interface; its Android app is round
    # 24's mastodon-android), a translation platform's website (Weblate's), Transparency
    # International Georgia's parliamentary monitoring (ShenMartav) and procurement monitoring
    # (e-procurement) sites, and a phone system's apps (Mozilla's Firefox OS, Gaia).
    "cockpit": "cockpit/{lang}/LC_MESSAGES/cockpit.mo",
    "cockpit-machines": "cockpit/{lang}/LC_MESSAGES/cockpit-machines.mo",
    "cockpit-podman": "cockpit/{lang}/LC_MESSAGES/cockpit-podman.mo",
    "dnf5": "dnf/{lang}/LC_MESSAGES/dnf5.mo",
    "musescore": "musescore/{lang}/LC_MESSAGES/musescore.mo",
    "smplayer": "smplayer/{lang}/LC_MESSAGES/smplayer.mo",
    "notepad-plus-plus": "npp/{lang}/LC_MESSAGES/notepad-plus-plus.mo",
    "greenlight": "greenlight/{lang}/LC_MESSAGES/greenlight.mo",
    "shenmartav": "tigeorgia/{lang}/LC_MESSAGES/shenmartav.mo",
    "e-procurement": "tigeorgia/{lang}/LC_MESSAGES/e-procurement.mo",
    "gaia": "mozilla/{lang}/LC_MESSAGES/gaia.mo",
    "anaconda-webui": "fedora/{lang}/LC_MESSAGES/anaconda-webui.mo",
    "blivet-gui": "fedora/{lang}/LC_MESSAGES/blivet-gui.mo",
    "cockpit-files": "cockpit/{lang}/LC_MESSAGES/cockpit-files.mo",
    "weblate-website": "weblate/{lang}/LC_MESSAGES/weblate-website.mo",
    "mastodon": "mastodon/{lang}/LC_MESSAGES/mastodon.mo",
    "kuma": "mdn/{lang}/LC_MESSAGES/kuma.mo",
    # Round 30: catalogs of a web framework's messages and its starter kits (Laravel, as the
    # Laravel Lang project translates them), of Android's system apps (AOSP's Settings, TV
    # Settings, permission controller, camera, work-profile setup and phone services, as
    # LineageOS carries them; LineageOS's updater), of Deepin's desktop (its file manager,
    # control center and archive manager) and of a virtual-machine disk image library and tools
    # (libguestfs); Albanian also of a messenger (Signal for Android, as a fork carries it), a
    # contact-tracing app (SwissCovid) and an app store client (Aurora Store).
    "laravel": "laravel/{lang}/LC_MESSAGES/laravel.mo",
    "aosp-settings": "android/{lang}/LC_MESSAGES/aosp-settings.mo",
    "aosp-tvsettings": "android/{lang}/LC_MESSAGES/aosp-tvsettings.mo",
    "aosp-permission": "android/{lang}/LC_MESSAGES/aosp-permission.mo",
    "aosp-camera2": "android/{lang}/LC_MESSAGES/aosp-camera2.mo",
    "aosp-managedprovisioning": "android/{lang}/LC_MESSAGES/aosp-managedprovisioning.mo",
    "aosp-telephony": "android/{lang}/LC_MESSAGES/aosp-telephony.mo",
    "lineage-updater": "android/{lang}/LC_MESSAGES/lineage-updater.mo",
    "dde-file-manager": "deepin/{lang}/LC_MESSAGES/dde-file-manager.mo",
    "dde-control-center": "deepin/{lang}/LC_MESSAGES/dde-control-center.mo",
    "deepin-compressor": "deepin/{lang}/LC_MESSAGES/deepin-compressor.mo",
    "libguestfs": "libguestfs/{lang}/LC_MESSAGES/libguestfs.mo",
    "signal-android": "android/{lang}/LC_MESSAGES/signal-android.mo",
    "swisscovid": "android/{lang}/LC_MESSAGES/swisscovid.mo",
    "aurora-store": "android/{lang}/LC_MESSAGES/aurora-store.mo",
    # Round 31: Sugar Labs' learning desktop and its music programming environment (Sugar, Music
    # Blocks), a forum (Discourse), a content management system (Joomla!), Android's system UI, a
    # federated photo-sharing server (Pixelfed), a firewall daemon and its tools (firewalld), a
    # web feed reader (Tiny Tiny RSS), a screen-streaming phone app (ScreenStream).
    "sugar": "sugar/{lang}/LC_MESSAGES/sugar.mo",
    "musicblocks": "sugar/{lang}/LC_MESSAGES/musicblocks.mo",
    "discourse": "discourse/{lang}/LC_MESSAGES/discourse.mo",
    "joomla": "joomla/{lang}/LC_MESSAGES/joomla.mo",
    "aosp-systemui": "android/{lang}/LC_MESSAGES/aosp-systemui.mo",
    "pixelfed": "pixelfed/{lang}/LC_MESSAGES/pixelfed.mo",
    "firewalld": "firewalld/{lang}/LC_MESSAGES/firewalld.mo",
    "tt-rss": "ttrss/{lang}/LC_MESSAGES/tt-rss.mo",
    "screenstream": "android/{lang}/LC_MESSAGES/screenstream.mo",
    # Round 32: a customer-support inbox (Chatwoot), a scholarly journal publisher (Open Journal
    # Systems), a media center (Kodi), a voice-data collection site (Common Voice), a team chat
    # server (Rocket.Chat).
    "chatwoot": "chatwoot/{lang}/LC_MESSAGES/chatwoot.mo",
    "ojs": "ojs/{lang}/LC_MESSAGES/ojs.mo",
    "kodi": "kodi/{lang}/LC_MESSAGES/kodi.mo",
    "common-voice": "commonvoice/{lang}/LC_MESSAGES/common-voice.mo",
    "rocketchat": "rocketchat/{lang}/LC_MESSAGES/rocketchat.mo",
    # Round 33: a kanban board (Wekan), a web conferencing client (BigBlueButton), a headless
    # CMS's admin app (Directus), a chess client (PyChess), a desktop publisher (Scribus), a
    # planetarium (Stellarium), a file-sync web front end (ownCloud Web), and three sites of
    # ForSet (Tbilisi): election results, election protocols and parliament votes.
    "wekan": "wekan/{lang}/LC_MESSAGES/wekan.mo",
    "bigbluebutton": "bigbluebutton/{lang}/LC_MESSAGES/bigbluebutton.mo",
    "directus": "directus/{lang}/LC_MESSAGES/directus.mo",
    "pychess": "usr/share/locale/{lang}/LC_MESSAGES/pychess.mo",
    "scribus": "scribus/{lang}/LC_MESSAGES/scribus.mo",
    "stellarium": "stellarium/{lang}/LC_MESSAGES/stellarium.mo",
    "owncloud-web": "owncloud-web/{lang}/LC_MESSAGES/owncloud-web.mo",
    "election-data": "forset/{lang}/LC_MESSAGES/election-data.mo",
    "election-protocols": "forset/{lang}/LC_MESSAGES/election-protocols.mo",
    "parliament-votes": "forset/{lang}/LC_MESSAGES/parliament-votes.mo",
    "rednotebook": "usr/share/locale/{lang}/LC_MESSAGES/rednotebook.mo",
    "firefox-ios": "mozilla-ios/{lang}/LC_MESSAGES/firefox-ios.mo",
    # Round 34: KDE's file and network access framework (KIO 6), a 3D creation suite
    # (Blender), KDE Frameworks 6 (the libraries under every KDE program), MediaWiki's
    # reviewed-versions and threaded-discussion extensions (FlaggedRevs, LiquidThreads), and
    # a phone and tablet desktop with its apps and indicators (UBports' Lomiri, Ubuntu Touch's),
    # round 32's Rocket.Chat in Georgian and round 25's NodeBB's user side in Armenian
    # ("rocketchat", "nodebb" above).
    "kio6": MO + "kio6.mo",
    "blender": "blender/{lang}/LC_MESSAGES/blender.mo",
    "kde-frameworks6": "kde-frameworks6/{lang}/LC_MESSAGES/kde-frameworks6.mo",
    "mw-flaggedrevs": "mediawiki/{lang}/LC_MESSAGES/mw-flaggedrevs.mo",
    "mw-liquidthreads": "mediawiki/{lang}/LC_MESSAGES/mw-liquidthreads.mo",
    "lomiri": "lomiri/{lang}/LC_MESSAGES/lomiri.mo",
}
LANGS = ("sq", "ka", "hy")
LOCALES = {"sq": "sq_AL", "ka": "ka_GE", "hy": "hy_AM"}  # a catalog's folder with its country
# Catalogs taken for some languages only (added later to reach 100 flags in that language).
# Round 19's Georgian-only programs (ONLY and HELDOUT_ROUNDS[19]).
ROUND19_KA = (
    "horizon-js",
    "openstack-dashboard",
    "openstack-dashboard-js",
    "eog-trixie",
    "file-roller-trixie",
    "gedit-trixie",
    "gnome-terminal-trixie",
    "totem-trixie",
    "angelfish",
    "fileviewhgplugin",
    "glib-networking",
    "gnome-shell-extensions",
    "kalzium",
    "kapptemplate",
    "kcm_disks",
    "kcm_firewall",
    "kcm_pulseaudio",
    "keditbookmarks",
    "klettres",
    "kmix",
    "konversation",
    "labplot",
    "palapeli",
    "plasma_applet_org.kde.plasma.colorpicker",
    "xdg-desktop-portal-kde",
    "akonadicontact6",
    "ld",
    "libakonadi-calendar6",
    "libakonadi-kmime6",
    "libakonadi6",
    "libkleopatra6",
    "libksieve6",
    "libmailcommon6",
    "libmailimporter6",
    "libmailtransport6",
    "libmessagecomposer6",
    "libmessagecore6",
    "libmessagelist6",
    "libmessageviewer6",
    "libpimcommon6",
    "libtemplateparser6",
)
# Round 20's Georgian-only programs (ONLY and HELDOUT_ROUNDS[20]).
ROUND20_KA = (
    "exo",
    "k3b",
    "libk3b",
    "kdevplatform",
    "kdevelop",
    "kdevgit",
    "kdevgrepview",
    "kdevproblemreporter",
    "purism-chatty",
    "drkonqi",
    "calligra",
    "calligra_shape_text",
    "calendarsupport6",
    "libeventviews6",
    "libincidenceeditors6",
)
ONLY = {
    "xfce4-settings": ("sq",),
    "totem": ("sq",),
    "gedit": ("sq",),
    "gnome-control-center": ("sq", "ka", "hy"),
    "evince": ("ka", "sq"),
    "file-roller": ("hy", "sq"),
    "gnome-terminal": ("sq",),  # held out: added and judged before any change of this session
    "eog": ("sq",),  # held out after that session's changes, with Evince and File Roller in sq
    "trac": ("sq", "hy"),
    "sphinx": ("sq", "ka"),
    "hexchat": ("sq",),
    "gimp20": ("ka",),
    "inkscape": ("hy",),
    "libreoffice-sw": ("ka", "hy", "sq"),  # hy: round 16; sq: round 18
    # A second held-out round, added after the first round's fixes and judged before
    # anything else changed.
    "pidgin": ("sq", "ka"),
    "tuxpaint": ("sq", "ka", "hy"),
    "gnome-disk-utility": ("hy", "ka"),  # ka: round 16
    "libreoffice-sc": ("ka", "hy", "sq"),  # hy: round 16; sq: round 18
    # A third round, after round 2's fixes, judged before anything else changed.
    "pluma": ("sq", "hy", "ka"),  # pluma-ka: round 13
    "caja": (
        "ka",
        "hy",
        "sq",
    ),  # caja-sq: round 13  # caja-hy: round 7 (Armenian had no new catalog this large)
    # Round 5: the Georgian terminal and window manager catalogs give no term (too few).
    "mate-terminal": ("sq", "hy"),
    "marco": ("sq", "hy"),
    # Round 6 (Debian 12 ships no Albanian Audacity or FileZilla, no Armenian Evolution).
    "audacity": ("ka", "hy"),
    "evolution": ("sq", "ka"),
    "filezilla": ("ka", "hy"),
    "dolphin": ("sq", "ka"),
    "okular": ("ka",),
    # Round 7: every new catalog of the packages below that gives the builder a term.
    "aisleriot": ("sq",),
    "baobab": ("ka",),
    "caja-extensions": ("hy",),
    "catfish": ("sq", "hy"),
    "cheese": ("sq", "ka"),
    "deja-dup": ("sq", "ka"),
    "evolution-data-server": ("sq", "ka"),  # ka: round 16
    "gnome-maps": ("ka",),
    "gnome-shell": ("ka",),
    "gnome-software": ("ka",),
    "gnome-system-monitor": ("sq", "ka"),
    "gramps": ("sq",),
    "konsole": ("ka",),
    "libxfce4ui": ("sq", "hy"),
    "mate-calc": ("hy",),
    "mate-desktop": ("sq", "ka", "hy"),
    "mate-power-manager": ("hy",),
    "mate-screensaver": ("sq", "ka", "hy"),
    "mate-session-manager": ("ka", "hy"),
    "mate-settings-daemon": ("hy",),
    "mate-system-monitor": ("sq", "hy"),
    "mousepad": ("sq", "hy"),
    "mutter": ("sq", "ka", "hy"),
    "nm-applet": ("ka",),
    "parole": ("sq",),
    "ristretto": ("sq", "hy"),  # Armenian: round 20 (Debian 13)
    "seahorse": ("ka",),
    "simple-scan": ("sq", "hy", "ka"),  # ka: round 16
    "thunar-volman": ("sq",),
    "tuxpaint-config": ("sq", "ka"),
    "xfburn": ("sq", "hy"),  # Armenian: round 20 (Debian 13)
    "xfce4-notifyd": ("sq", "ka"),
    "xfce4-panel": ("sq", "ka", "hy"),  # Armenian: round 20 (Debian 13)
    "xfce4-power-manager": ("sq",),
    "xfce4-screenshooter": ("sq", "ka", "hy"),  # Armenian: round 20 (Debian 13)
    "xfce4-session": ("sq", "ka", "hy"),  # Georgian and Armenian: round 20 (Debian 13)
    "xfce4-terminal": ("sq", "hy"),  # Armenian: round 20 (Debian 13)
    "xfdesktop": ("sq", "ka"),
    "ark": ("ka",),
    "cinnamon": ("sq", "ka"),
    "elisa": ("ka",),
    "gwenview": ("ka",),
    "kcalc": ("ka",),
    "kdenlive": ("ka",),
    "kfontinst": ("ka",),
    "klipper": ("ka",),
    "konqueror": ("sq", "ka"),
    # Round 8 (Albanian only): every new catalog of the packages below that gives a term.
    "glib20": ("sq", "ka", "hy"),
    "gthumb": ("sq",),
    "yelp": ("sq", "ka"),
    "xfce4-weather-plugin": ("sq",),
    "blueman": ("sq",),
    "meld": ("sq",),
    "thunar-archive-plugin": ("sq", "hy"),
    "epiphany": ("sq", "hy", "ka"),  # ka: round 16
    "orca": ("sq", "ka"),
    "gnome-session": ("sq", "ka", "hy"),
    "audacious-plugins": ("sq",),
    "nemo": ("sq", "ka"),  # ka: round 16
    "ktorrent": ("sq", "ka"),
    "cinnamon-control-center": ("sq", "ka"),  # ka: round 16
    "xarchiver": ("sq",),
    "gnome-applets": ("sq", "hy"),
    "gnome-panel": ("sq", "hy"),
    "digikam": ("sq", "ka"),
    "libgweather": ("sq", "hy", "ka"),  # ka: round 16
    "gstreamer": ("sq", "ka"),
    "metacity": ("sq", "hy"),
    "zenity": ("sq", "ka"),
    "vino": ("sq", "ka"),
    "quadrapassel": ("sq",),
    # Round 9: every Georgian and Armenian catalog of the packages below that gives the
    # builder a term.
    "NetworkManager": ("ka",),
    "PackageKit": ("ka", "sq"),  # sq: round 19
    "akregator": ("ka", "sq"),
    "anjuta": ("hy", "sq"),
    "balooctl5": ("ka",),
    "cups-pk-helper": ("ka",),
    "dragonplayer": ("ka",),
    "filelight": ("ka",),
    "gdm": ("ka",),
    "gigolo": ("hy", "sq"),
    "gnome-bluetooth": ("hy", "ka"),
    "gnome-builder": ("ka",),
    "gnome-calendar": ("ka",),
    "gnome-chess": ("ka",),
    "gnome-initial-setup": ("ka",),
    "gnome-photos": ("ka",),
    "gnome-system-tools": ("ka", "sq"),
    "gnome-text-editor": ("ka",),
    "gnome-tweaks": ("ka",),
    "gsettings-desktop-schemas": ("ka",),
    "gvfs": ("ka",),
    "juk": ("ka",),
    "kaccess": ("ka",),
    "kcm5_device_automounter": ("ka",),
    "kcm5_filetypes": ("ka", "sq"),
    "kcm5_joystick": ("ka",),
    "kcm_activities5": ("ka",),
    "kcm_desktoppaths": ("ka",),
    "kcm_keys": ("ka",),
    "kcm_kscreen": ("ka",),
    "kcm_kwindecoration": ("ka",),
    "kcm_kwintabbox": ("ka",),
    "kcm_plasmasearch": ("ka",),
    "kcm_solid_actions": ("ka",),
    "kcm_touchpad": ("ka",),
    "kcmkwallet": ("ka", "sq"),
    "kcmutils5": ("ka",),
    "kdeconnect-cli": ("ka",),
    "kdesu5": ("ka",),
    "kdialog": ("ka",),
    "kfind": ("ka",),
    "kget": ("ka",),
    "kgpg": ("ka",),
    "kig": ("ka",),
    "kleopatra": ("ka",),
    "kmplot": ("ka", "sq"),
    "korganizer": ("ka",),
    "krdc": ("ka",),
    "kruler": ("ka",),
    "kstart5": ("ka",),
    "ksystemlog": ("ka",),
    "ktextwidgets5": ("hy", "ka", "sq"),
    "ktimer": ("ka",),
    "kwallet-query": ("ka",),
    "kwalletd5": ("ka",),
    "kwalletmanager": ("ka",),
    "kwin": ("ka",),
    "kwin_effects": ("ka",),
    "kwordquiz": ("ka",),
    "kxmlgui5": ("ka",),
    "libdiscover": ("ka",),
    "libgnomekbd": ("ka", "sq"),
    "libmatekbd": ("hy", "sq"),
    "libnma": ("ka",),
    "mate-indicator-applet": ("hy",),
    "partitionmanager": ("ka",),
    "plasma-discover": ("ka",),
    "plasma_applet_org.kde.plasma.mediaframe": ("ka",),
    "plasma_applet_org.kde.plasma.notes": ("ka",),
    "plasma_applet_org.kde.plasma.taskmanager": ("ka",),
    "plasma_shell_org.kde.plasma.desktop": ("ka",),
    "plasmanetworkmanagement-kcm": ("ka",),
    "plasmanetworkmanagement-kded": ("ka",),
    "plasmanetworkmanagement-libs": ("ka",),
    "plasmanetworkmanagement_openvpnui": ("ka",),
    "powerdevilglobalconfig": ("ka",),
    "spectacle": ("ka",),
    "system-config-printer": ("ka",),
    "systemsettings": ("ka",),
    "xfce4-clipman-plugin": ("hy", "sq"),
    "xfce4-diskperf-plugin": ("hy", "sq"),
    "xfconf": ("hy", "sq"),
    "yakuake": ("ka",),
    # Round 10: every Albanian catalog of the packages below that gives the builder a term
    # (and the Albanian ones of round 9's akregator, anjuta, ... above: "sq" added).
    "audacious": ("sq",),
    "gtksourceview-4": ("sq",),
    "gtranslator": ("sq",),
    "libmateweather": ("sq",),
    "vinagre": ("sq",),
    "xfce4-mailwatch-plugin": ("sq",),
    # Round 11: every Albanian and Armenian catalog of the programs below that gives the
    # builder a term (and the Armenian ones of round 7's catfish and mousepad, the Albanian
    # ones of round 9's kcm5_filetypes ... xfconf above: "sq" or "hy" added).
    "weblate": ("sq",),
    "django-cms": ("sq",),
    "kiwitcms": ("sq",),
    "thonny": ("sq", "hy"),
    "remmina": ("sq",),
    "pluma-plugins": ("sq", "hy"),
    "xfce4-indicator-plugin": ("sq",),
    "xfce4-mount-plugin": ("sq",),
    "xfce4-timer-plugin": ("sq",),
    # Round 12: every catalog of the programs below that gives the builder a term and was
    # never used (and the Georgian ones of round 8's orca, ktorrent and gstreamer above:
    # "ka" added).
    "djangorestframework": ("hy",),
    "pretix": ("sq",),
    "deluge": ("ka",),
    "ckan": ("sq",),
    "django-allauth": ("ka",),
    "picard": ("sq",),
    "kturtle": ("sq", "ka", "hy"),
    "gedit-plugins": ("sq", "ka"),
    "knavalbattle": ("sq", "ka"),
    **dict.fromkeys(
        (
            "kate",
            "katebuild-plugin",
            "katefiletree",
            "katekeyboardmacros",
            "kateproject",
            "katesearch",
            "katesnippetsplugin",
            "ktexteditor5",
            "kcron",
            "kdebugsettings",
            "kdiamond",
            "kmag",
            "kmahjongg",
            "kmouth",
            "knotes",
            "libnoteshared",
            "kshisen",
            "ksquares",
            "ksudoku",
            "plasma-systemmonitor",
            "ksysguard_face_applicationstable",
            "gnome-online-accounts",
            "gnome-dictionary",
            "cinnamon-screensaver",
            "xdg-desktop-portal-gnome",
        ),
        ("ka",),
    ),
    # Round 13: every catalog of the programs below that gives the builder a term (and the
    # ones of earlier rounds' programs named above with a language added: caja sq, pluma,
    # deja-dup and gnome-system-monitor ka).
    "django-oscar": ("ka",),
    "plone-widgets": ("sq", "ka", "hy"),
    **dict.fromkeys(
        (
            "amberol",
            "apostrophe",
            "fragments",
            "gnome-firmware",
            "gnome-podcasts",
            "loupe",
            "seahorse-nautilus",
            "secrets",
            "shortwave",
            "snapshot",
            "warp",
        ),
        ("ka",),
    ),
    # Round 15: every Georgian LibreOffice module that gives the builder a term.
    **dict.fromkeys(
        (
            "libreoffice-basctl",
            "libreoffice-cui",
            "libreoffice-dba",
            "libreoffice-frm",
            "libreoffice-pcr",
            "libreoffice-sca",
            "libreoffice-sd",
            "libreoffice-sfx",
            "libreoffice-svt",
            "libreoffice-svx",
            "libreoffice-uui",
            "libreoffice-wiz",
        ),
        ("ka", "hy", "sq"),  # hy: round 16 (Debian 13's Armenian LibreOffice); sq: round 18
    ),
    # Round 16: every never-used catalog of the packages below that gives the builder a term
    # (and the Georgian ones of gnome-disk-utility, simple-scan, nemo,
    # cinnamon-control-center, epiphany, evolution-data-server and libgweather, the
    # Armenian ones of LibreOffice's modules above: a language added).
    "gnome-music": ("ka",),
    "bluedevil": ("ka",),
    "kcm_bluetooth": ("ka",),
    "plasma_applet_org.kde.plasma.bluetooth": ("ka",),
    "dconf-editor": ("ka",),
    "geary": ("ka",),
    "gnome-boxes": ("ka",),
    "gnome-calculator": ("ka",),
    "gnome-contacts": ("ka",),
    "gnome-keyring": ("ka",),
    "gnome-mines": ("ka",),
    "gnome-nibbles": ("ka",),
    "gnome-remote-desktop": ("ka",),
    "gnome-settings-daemon": ("ka",),
    "kaddressbook_importexportplugins": ("ka",),
    "kaddressbook_plugins": ("ka",),
    "kaffeine": ("ka",),
    "kajongg": ("ka",),
    "kalarm": ("ka",),
    "kblackbox": ("ka",),
    "kcm_printer_manager": ("ka",),
    "print-manager": ("ka",),
    "kdeconnect-app": ("ka",),
    "kdiff3": ("ka",),
    "kgoldrunner": ("ka",),
    "killbots": ("ka",),
    "kjumpingcube": ("ka",),
    "kmail": ("ka",),
    "kmail_editorsendcheck_plugins": ("ka",),
    "kmail_plugins": ("ka",),
    "knights": ("ka",),
    "kolf": ("ka",),
    "kompare": ("ka",),
    "kontact": ("ka",),
    "kphotoalbum": ("ka",),
    "ksirk": ("ka",),
    "ksirkskineditor": ("ka",),
    "kstars": ("ka",),
    "ksystemstats_plugins": ("ka",),
    "kubrick": ("ka",),
    "kwave": ("ka",),
    "messageviewer_text_calendar_plugin": ("ka",),
    "messageviewerconfiguresettingsplugins": ("ka",),
    "messageviewerplugins": ("ka",),
    "pimdataexporter": ("ka",),
    "plasma-welcome": ("ka",),
    "plasmavault-kde": ("ka",),
    "polari": ("ka",),
    "rhythmbox": ("ka",),
    "shotwell": ("ka",),
    "sieveeditor": ("ka",),
    "tinysparql3": ("ka",),
    "coreutils": ("ka",),
    "debconf": ("ka",),
    "findutils": ("ka",),
    "gnome-commander": ("ka",),
    "grep": ("ka",),
    "libc": ("ka",),
    "planner": ("ka",),
    "shadow": ("ka",),
    "tar": ("ka",),
    "terminator": ("ka",),
    "appstream": ("ka",),
    "flatpak": ("ka",),
    "fwupd": ("ka",),
    "libpwquality": ("ka",),
    "rygel": ("ka",),
    "udisks2": ("ka",),
    "bleachbit": ("ka", "sq"),
    "nano": ("ka", "sq"),
    "devhelp": ("sq", "hy"),
    "xfce4-screensaver": ("sq", "hy"),
    "liferea": ("sq",),
    "onboard": ("sq",),
    "xfce4-appfinder": ("sq",),
    "libreoffice-chart": ("ka", "hy"),
    "libreoffice-cnr": ("ka", "hy"),
    "libreoffice-dkt": ("ka", "hy", "sq"),  # sq: round 18
    "libreoffice-editeng": ("ka",),
    "libreoffice-flt": ("ka", "hy"),
    "libreoffice-fps": ("ka", "hy"),
    "libreoffice-sb": ("ka", "hy", "sq"),  # sq: round 18
    "libreoffice-sm": ("ka", "hy"),
    "libreoffice-vcl": ("ka", "hy"),
    "libreoffice-xsc": ("ka", "hy"),
    "postorius": ("sq",),
    "hyperkitty": ("sq",),
    "django-mailman3": ("sq",),
    "mailman": ("sq",),
    # Round 14: every catalog of the programs below that gives the builder a term.
    "tokodon": ("sq", "ka"),
    **dict.fromkeys(
        (
            "artikulate",
            "cantor",
            "haruna",
            "kanagram",
            "kasts",
            "kbackup",
            "kbruch",
            "kcachegrind",
            "kclock",
            "kde-itinerary",
            "keysmith",
            "kgeotag",
            "khangman",
            "kiten",
            "kolourpaint",
            "krusader",
            "kweather",
            "merkuro",
            "neochat",
            "rocs",
            "skanpage",
        ),
        ("ka",),
    ),
    # Round 17: Thunderbird in all three languages; the rest for the one language whose
    # catalog gives a term.
    "brasero": ("ka",),
    "gparted": ("ka",),
    "libfm": ("ka",),
    "lxpanel": ("ka",),
    "lxappearance": ("ka",),
    "xfce4-panel-profiles": ("sq",),
    "xfce4-xkb-plugin": ("sq",),
    "claws-mail": ("sq",),
    "ghex": ("sq",),
    "aspell": ("ka", "sq"),
    "cpio": ("ka",),
    "gdk-pixbuf": ("ka",),
    "libgsf": ("ka",),
    "procps-ng": ("ka",),
    "sane-backends": ("ka",),
    "sudo": ("ka",),
    "texinfo": ("ka",),
    "texinfo_document": ("ka",),
    "vorbis-tools": ("ka",),
    "xz": ("ka",),
    "xkeyboard-config": ("sq",),
    # Round 18: LibreOffice's help where it is translated (not in Armenian), its officecfg and
    # extensions where they give a term (not in Albanian), Firefox in Armenian only; the rest
    # for the languages whose catalog gives a term.
    "firefox-esr": ("sq", "hy"),  # Albanian: round 20
    "libreoffice-help": ("sq", "ka"),
    "libreoffice-officecfg": ("ka", "hy"),
    "libreoffice-extensions": ("ka", "hy"),
    "zabbix": ("ka",),
    "wordpress": ("ka",),
    "wordpress-admin": ("ka",),
    "wordpress-admin-network": ("ka",),
    "kbd": ("sq", "ka"),
    "gnome-calls": ("hy",),
    **dict.fromkeys(
        (
            "akonadi_davgroupware_resource",
            "akonadi_ews_resource",
            "akonadi_imap_resource",
            "akonadi_maildir_resource",
            "akonadi_maildispatcher_agent",
            "akonadi_mbox_resource",
            "akonadi_mixedmaildir_resource",
            "akonadi_pop3_resource",
            "akonadi_singlefile_resource",
            "alsa-utils",
            "amarok",
            "authenticator",
            "gimp30-std-plug-ins",
            "gnome-color-manager",
            "gnutls",
            "grub",
            "kcm_cursortheme",
            "kcm_desktoptheme",
            "kcm_lookandfeel",
            "kcm_nightlight",
            "kcm_notifications",
            "kcm_users",
            "kio-extras_kcms",
            "kio6_gdrive",
            "knewstuff6",
            "libkicker",
            "plasma_applet_org.kde.plasma.devicenotifier",
            "plasma_runner_sessions",
            "plasmashellprivateplugin",
            "skrooge",
            "sysprof",
            "systemd",
            "timeshift",
            "zanshin",
        ),
        ("ka",),
    ),
    # Round 19: GTK 3's property texts in all three languages, KGeography and KTouch in
    # Albanian and Georgian, the rest in Georgian only (the languages whose catalog gives a term).
    "kgeography": ("sq", "ka"),
    "ktouch": ("sq", "ka"),
    **dict.fromkeys(ROUND19_KA, ("ka",)),
    # Round 20: the languages whose catalog gives a flag.
    "freedombox": ("sq",),
    "cherrytree": ("hy",),
    "xfce4-settings-trixie": ("ka", "hy"),
    **dict.fromkeys(ROUND20_KA, ("ka",)),
    # Round 21: the languages each program has (OBS Studio's Albanian gives no term).
    "obs-studio": ("ka", "hy"),
    "calamares": ("sq", "ka"),
    "qbittorrent": ("ka", "hy"),
    # Round 22: the languages whose catalog gives a flag.
    "darktable": ("sq",),
    "krita": ("ka",),
    "geonode": ("ka",),
    "keepassxc": ("sq",),
    "gcompris": ("sq", "ka"),
    "lichess-mobile": ("sq", "hy"),
    "blockly": ("sq", "hy"),
    "scratch": ("ka", "hy"),
    "osm-id": ("sq",),
    "osm-website": ("sq", "ka"),
    "jitsi-meet": ("sq", "hy"),
    "dokuwiki": ("sq", "ka"),
    "anki": ("sq", "hy"),
    "wikipedia-android": ("ka",),
    # Round 23: the languages whose catalog gives a flag (Wikibase's Albanian one, 227 flags,
    # left out: it alone would be four fifths of the language's flags).
    "jellyfin-web": ("sq", "ka"),
    "newpipe": ("sq", "ka"),
    "vlc-android": ("sq", "ka"),
    "mw-growthexperiments": ("ka", "hy"),
    "mw-translate": ("sq", "ka"),
    "mw-centralauth": ("sq", "ka"),
    "mw-proofreadpage": ("ka",),
    "mw-mobilefrontend": ("ka",),
    "mw-wikimediamessages": ("sq", "hy"),
    "mw-campaignevents": ("hy",),
    "wikibase": ("ka",),
    "mw-flow": ("ka", "hy"),
    "mw-collection": ("ka", "hy"),
    # Round 24: the languages whose catalog gives a flag (Home Assistant's Armenian catalog,
    # 136 flags, left out: it alone would be two thirds of the language's flags; its Albanian
    # one taken for the configuration panel's messages only, translations/config).
    "home-assistant-config": ("sq",),
    "matomo": ("sq", "ka"),
    "wikiedu-dashboard": ("sq",),
    "lemmy": ("sq", "ka"),
    "mumble": ("sq",),
    "jami": ("sq", "hy"),
    "pcmanfm-qt": ("ka",),
    "briar": ("sq", "ka"),
    "revanced-manager": ("hy",),
    "phyphox": ("ka",),
    "commons-android": ("ka",),
    "focus-android": ("ka",),
    "aosp-email": ("ka", "hy"),
    "aosp-calendar": ("ka", "hy"),
    "aosp-packageinstaller": ("hy",),
    "tellico": ("ka",),
    "parley": ("ka",),
    "gtk40": ("ka", "hy"),
    # Round 25: the languages whose catalog gives a flag (NodeBB's Armenian catalog taken for
    # its admin panel's files only: the whole gives 164 flags, four fifths of the language's).
    "matrix-react-sdk": ("sq",),
    "nodebb": ("sq", "hy"),  # Armenian: round 34 (its user side; round 25 has its admin panel)
    "nodebb-admin": ("hy",),
    "kolibri": ("ka",),
    "piwigo": ("ka", "hy"),
    "deltachat-android": ("sq",),
    "nextcloud-android": ("sq",),
    "element-android": ("ka",),
    "aosp-mms": ("ka", "hy"),
    "mixxx": ("sq", "hy"),
    # Round 26: the languages whose catalog gives a flag (subsets by file as NOTICE.md says:
    # Mozilla's website, Wikibase, PKP's library, AtoM).
    "www-mozilla": ("sq", "ka"),
    "wikibase-main": ("sq",),
    "amule": ("sq",),
    "owncloud-client": ("sq",),
    "owncloud-android": ("sq",),
    "keepassdx": ("sq",),
    "odk-collect": ("sq", "ka"),
    "anysoftkeyboard": ("ka",),
    "atom": ("ka",),
    "pkp-lib": ("ka", "hy"),
    "soapbox": ("ka", "hy"),
    "piped": ("hy",),
    "invidious": ("hy",),
    "home-assistant-frontend": ("hy",),
    "mint-tools": ("sq", "ka"),
    # Round 27: the languages whose catalog gives a flag (CONSUL's Georgian left out: 104
    # flags, more than the rest of the language; cosinnus a subset, NOTICE.md).
    "godot-editor": ("ka",),
    "redmine": ("sq",),
    "usupport": ("hy",),
    "cosinnus": ("ka", "hy"),
    "opin": ("ka",),
    "mozilla-vpn": ("sq",),
    "gancio": ("sq",),
    "django-core": ("sq", "hy"),
    "diaspora": ("sq", "ka"),
    "lineage-dialer": ("sq", "ka", "hy"),
    "trebuchet": ("sq", "ka"),
    "lineageos-apps": ("sq", "ka"),
    "aosp-gallery2": ("ka", "hy"),
    "consul": ("sq",),
    # Round 28: the languages whose catalog gives a flag (Parliament Votes' Georgian left out:
    # the Georgian flags were well over 150 with it, most of them JumpStart Georgia's programs).
    "monitor-website": ("sq",),
    "firefox-marketplace": ("sq",),
    "fdroid-website": ("sq",),
    "ooni-probe": ("sq",),
    "mw-securepoll": ("sq", "ka"),
    "firefox-screenshots": ("sq", "ka"),
    "testpilot": ("sq", "ka"),
    "firefox-send": ("ka", "hy"),
    "govuk": ("ka", "hy"),
    "story-builder": ("ka", "hy"),
    "xtraktr": ("ka",),
    "maps-for-advocacy": ("ka",),
    "work-gender-inequality": ("ka",),
    "fixmystreet-ge": ("ka",),
    "noosfero": ("hy",),
    "awesomebits": ("hy",),
    "pageviews": ("hy",),
    "thimble": ("sq",),
    "update-manager": ("sq",),
    "ubiquity": ("sq",),
    # Round 29: the languages whose catalog gives a flag (MuseScore's Georgian gives none).
    # Mastodon: the whole Georgian catalog; in Armenian its server's messages only
    # (config/locales), in Albanian its web interface (app/javascript) and its server's main
    # messages without the admin panel (config/locales/sq.yml less admin.*), to keep its share
    # of the language's flags down (the whole catalogs: sq 125, hy 107 flags).
    "cockpit": ("ka",),
    "cockpit-machines": ("ka",),
    "cockpit-podman": ("ka",),
    "dnf5": ("ka",),
    "musescore": ("hy",),
    "smplayer": ("sq",),
    "notepad-plus-plus": ("ka",),
    "greenlight": ("hy",),
    "shenmartav": ("ka",),
    "e-procurement": ("ka",),
    "gaia": ("sq",),
    "anaconda-webui": ("ka",),
    "blivet-gui": ("ka",),
    "cockpit-files": ("ka",),
    "weblate-website": ("sq",),
    "mastodon": ("sq", "ka", "hy"),
    "kuma": ("sq",),
    # Round 30: the languages whose catalog gives a flag. AOSP's Settings taken for the first
    # third of its strings.xml (to tethering's summary), to keep its share of the languages'
    # flags down (the whole catalog: sq 60, ka 129, hy 171 flags); Signal for the first quarter
    # of its strings.xml (to MessageRequestProfileView_members_and_invited; the whole: 134
    # flags); Deepin's file manager in Armenian for the first half of its .ts file's messages
    # (70 of its 189 contexts, to dfmplugin_computer::ComputerItemWatcher; the whole: 70 flags).
    "laravel": ("sq", "ka", "hy"),
    "aosp-settings": ("sq", "ka", "hy"),
    "aosp-tvsettings": ("sq", "ka", "hy"),
    "aosp-permission": ("ka", "hy"),
    "aosp-camera2": ("ka", "hy"),
    "aosp-managedprovisioning": ("hy",),
    "aosp-telephony": ("hy",),
    "lineage-updater": ("sq", "ka"),
    "dde-file-manager": ("sq", "ka", "hy"),
    "dde-control-center": ("sq",),
    "deepin-compressor": ("ka",),
    "libguestfs": ("ka",),
    "signal-android": ("sq",),
    "swisscovid": ("sq",),
    "aurora-store": ("sq",),
    # Round 31: the languages whose catalog gives a flag.
    "sugar": ("ka",),
    "musicblocks": ("ka",),
    "discourse": ("sq", "hy"),
    "joomla": ("ka", "hy"),
    "aosp-systemui": ("ka", "hy"),
    "pixelfed": ("hy",),
    "firewalld": ("ka",),
    "tt-rss": ("sq",),
    "screenstream": ("ka",),
    # Round 32: the languages whose catalog gives a flag.
    "chatwoot": ("sq", "ka", "hy"),
    "ojs": ("ka", "hy"),
    "kodi": ("sq",),
    "common-voice": ("sq", "ka", "hy"),
    "rocketchat": ("sq", "ka"),  # Georgian: round 34 (every third message, NOTICE.md)
    # Round 33: the languages whose catalog gives a flag.
    "wekan": ("ka",),
    "bigbluebutton": ("ka",),
    "directus": ("sq",),
    "pychess": ("sq",),
    "scribus": ("sq",),
    "stellarium": ("sq",),
    "owncloud-web": ("sq",),
    "election-data": ("ka",),
    "election-protocols": ("ka",),
    "parliament-votes": ("ka",),
    "rednotebook": ("ka",),
    "firefox-ios": ("sq", "ka", "hy"),
    # Round 34: the languages whose catalog gives a flag.
    "kio6": ("sq", "ka"),
    "blender": ("ka",),
    "kde-frameworks6": ("ka",),
    "mw-flaggedrevs": ("ka",),
    "mw-liquidthreads": ("ka",),
    "lomiri": ("sq", "hy"),
}
# The held-out programs, round by round (`bench_checkpo_real.py --heldout --round N`): each
# round judged before any rule was changed for it, compressed, with its own judgements.
HELDOUT_ROUNDS: dict[int, tuple[str, ...]] = {
    # Other kinds (a web app, a documentation tool, an IRC client, an image and a vector
    # editor, a word processor) kept out of the tuned benchmark.
    1: ("trac", "sphinx", "hexchat", "gimp20", "inkscape", "libreoffice-sw"),
    2: ("pidgin", "tuxpaint", "gnome-disk-utility", "libreoffice-sc"),
    3: ("pluma", "caja"),
    # Round 4, after the changes of its session (idioms, head words, commands, verbs on a
    # noun's stem): MATE's settings, panel, document viewer, archive manager, image viewer.
    4: ("mate-control-center", "mate-panel", "atril", "engrampa", "eom"),
    # Round 5, after round 4's fixes (extensions, [FILE…], short Albanian stems): MATE's
    # applets, utilities, terminal and window manager.
    5: ("mate-applets", "mate-utils", "mate-terminal", "marco"),
    # Round 6, after round 5: an audio editor, a mail client, an FTP client, a PO editor,
    # KDE's file manager and document viewer.
    6: ("audacity", "evolution", "filezilla", "poedit", "dolphin", "okular"),
    # Round 7, after round 6's fixes: Xfce, MATE, GNOME and KDE programs and a genealogy
    # program, none used before in any language.
    7: (
        "aisleriot",
        "baobab",
        "caja-extensions",
        "catfish",
        "cheese",
        "deja-dup",
        "evolution-data-server",
        "gnome-maps",
        "gnome-shell",
        "gnome-software",
        "gnome-system-monitor",
        "gramps",
        "konsole",
        "libxfce4ui",
        "mate-calc",
        "mate-desktop",
        "mate-power-manager",
        "mate-screensaver",
        "mate-session-manager",
        "mate-settings-daemon",
        "mate-system-monitor",
        "mousepad",
        "mutter",
        "nm-applet",
        "parole",
        "ristretto",
        "seahorse",
        "simple-scan",
        "thunar-volman",
        "tuxpaint-config",
        "xfburn",
        "xfce4-notifyd",
        "xfce4-panel",
        "xfce4-power-manager",
        "xfce4-screenshooter",
        "xfce4-session",
        "xfce4-terminal",
        "xfdesktop",
        "ark",
        "cinnamon",
        "elisa",
        "gwenview",
        "kcalc",
        "kdenlive",
        "kfontinst",
        "klipper",
        "konqueror",
    ),
    # Round 8, after round 7's fixes (Albanian only): GNOME, Xfce, Cinnamon and KDE programs
    # and libraries never used before (a browser, a help viewer, a screen reader, …).
    8: (
        "glib20",
        "gthumb",
        "yelp",
        "xfce4-weather-plugin",
        "blueman",
        "meld",
        "thunar-archive-plugin",
        "epiphany",
        "orca",
        "gnome-session",
        "audacious-plugins",
        "nemo",
        "ktorrent",
        "cinnamon-control-center",
        "xarchiver",
        "gnome-applets",
        "gnome-panel",
        "digikam",
        "libgweather",
        "gstreamer",
        "metacity",
        "zenity",
        "vino",
        "quadrapassel",
    ),
    # Round 9, after round 7's fixes with no rule changed since: Georgian and Armenian
    # catalogs of GNOME, KDE, Xfce and MATE programs and libraries, none used before.
    9: (
        "NetworkManager",
        "PackageKit",
        "akregator",
        "anjuta",
        "balooctl5",
        "cups-pk-helper",
        "dragonplayer",
        "filelight",
        "gdm",
        "gigolo",
        "gnome-bluetooth",
        "gnome-builder",
        "gnome-calendar",
        "gnome-chess",
        "gnome-initial-setup",
        "gnome-photos",
        "gnome-system-tools",
        "gnome-text-editor",
        "gnome-tweaks",
        "gsettings-desktop-schemas",
        "gvfs",
        "juk",
        "kaccess",
        "kcm5_device_automounter",
        "kcm5_filetypes",
        "kcm5_joystick",
        "kcm_activities5",
        "kcm_desktoppaths",
        "kcm_keys",
        "kcm_kscreen",
        "kcm_kwindecoration",
        "kcm_kwintabbox",
        "kcm_plasmasearch",
        "kcm_solid_actions",
        "kcm_touchpad",
        "kcmkwallet",
        "kcmutils5",
        "kdeconnect-cli",
        "kdesu5",
        "kdialog",
        "kfind",
        "kget",
        "kgpg",
        "kig",
        "kleopatra",
        "kmplot",
        "korganizer",
        "krdc",
        "kruler",
        "kstart5",
        "ksystemlog",
        "ktextwidgets5",
        "ktimer",
        "kwallet-query",
        "kwalletd5",
        "kwalletmanager",
        "kwin",
        "kwin_effects",
        "kwordquiz",
        "kxmlgui5",
        "libdiscover",
        "libgnomekbd",
        "libmatekbd",
        "libnma",
        "mate-indicator-applet",
        "partitionmanager",
        "plasma-discover",
        "plasma_applet_org.kde.plasma.mediaframe",
        "plasma_applet_org.kde.plasma.notes",
        "plasma_applet_org.kde.plasma.taskmanager",
        "plasma_shell_org.kde.plasma.desktop",
        "plasmanetworkmanagement-kcm",
        "plasmanetworkmanagement-kded",
        "plasmanetworkmanagement-libs",
        "plasmanetworkmanagement_openvpnui",
        "powerdevilglobalconfig",
        "spectacle",
        "system-config-printer",
        "systemsettings",
        "xfce4-clipman-plugin",
        "xfce4-diskperf-plugin",
        "xfconf",
        "yakuake",
    ),
    # Round 10 (Albanian), after the third session's Albanian and Armenian fixes with no rule
    # changed since: programs never used in any language (round 9's Albanian catalogs are
    # named by file in bench_checkpo_real.ROUNDS).
    10: (
        "audacious",
        "gtksourceview-4",
        "gtranslator",
        "libmateweather",
        "vinagre",
        "xfce4-mailwatch-plugin",
    ),
    # Round 11 (Albanian and Armenian), after the reviewer's three fixes of this session's
    # start with no rule changed since: programs never used in any language (the Armenian
    # catalogs of round 7's programs and the Albanian ones of round 9's are named by file in
    # bench_checkpo_real.ROUNDS).
    11: (
        "weblate",
        "django-cms",
        "kiwitcms",
        "thonny",
        "remmina",
        "pluma-plugins",
        "xfce4-indicator-plugin",
        "xfce4-mount-plugin",
        "xfce4-timer-plugin",
    ),
    # Round 12 (all three languages), at the start of the ninth session with no rule changed
    # since the eighth's end: programs never used in any language (the Georgian catalogs of
    # round 8's orca, ktorrent and gstreamer are named by file in bench_checkpo_real.ROUNDS).
    12: (
        "djangorestframework",
        "pretix",
        "deluge",
        "ckan",
        "django-allauth",
        "picard",
        "kturtle",
        "gedit-plugins",
        "knavalbattle",
        "kate",
        "katebuild-plugin",
        "katefiletree",
        "katekeyboardmacros",
        "kateproject",
        "katesearch",
        "katesnippetsplugin",
        "ktexteditor5",
        "kcron",
        "kdebugsettings",
        "kdiamond",
        "kmag",
        "kmahjongg",
        "kmouth",
        "knotes",
        "libnoteshared",
        "kshisen",
        "ksquares",
        "ksudoku",
        "plasma-systemmonitor",
        "ksysguard_face_applicationstable",
        "gnome-online-accounts",
        "gnome-dictionary",
        "cinnamon-screensaver",
        "xdg-desktop-portal-gnome",
    ),
    # Round 13 (all three languages; the ninth session's second batch, "12b"), judged before
    # any rule was changed for it: programs never used in any language (caja-sq, pluma-ka,
    # deja-dup-ka and gnome-system-monitor-ka are named by file in bench_checkpo_real.ROUNDS).
    13: (
        "django-oscar",
        "plone-widgets",
        "amberol",
        "apostrophe",
        "fragments",
        "gnome-firmware",
        "gnome-podcasts",
        "loupe",
        "seahorse-nautilus",
        "secrets",
        "shortwave",
        "snapshot",
        "warp",
    ),
    # Round 14 (Albanian and Georgian; the ninth session's third batch, "12c"), judged before
    # any rule was changed for it: KDE programs of Debian 13 never used in any language.
    14: (
        "artikulate",
        "cantor",
        "haruna",
        "kanagram",
        "kasts",
        "kbackup",
        "kbruch",
        "kcachegrind",
        "kclock",
        "kde-itinerary",
        "keysmith",
        "kgeotag",
        "khangman",
        "kiten",
        "kolourpaint",
        "krusader",
        "kweather",
        "merkuro",
        "neochat",
        "rocs",
        "skanpage",
        "tokodon",
    ),
    # Round 15 (Georgian; the ninth session's last batch), judged with the session's final
    # rules before any change: LibreOffice's modules never used (Writer and Calc: rounds 1-2).
    15: (
        "libreoffice-basctl",
        "libreoffice-cui",
        "libreoffice-dba",
        "libreoffice-frm",
        "libreoffice-pcr",
        "libreoffice-sca",
        "libreoffice-sd",
        "libreoffice-sfx",
        "libreoffice-svt",
        "libreoffice-svx",
        "libreoffice-uui",
        "libreoffice-wiz",
    ),
    # Round 16 (all three languages; the tenth session's round), judged with the session's
    # final rules before any change: programs never used in any language (the catalogs of
    # earlier rounds' programs in a language not used before are named by file in
    # bench_checkpo_real.ROUNDS).
    16: (
        "gnome-music",
        "bluedevil",
        "kcm_bluetooth",
        "plasma_applet_org.kde.plasma.bluetooth",
        "dconf-editor",
        "geary",
        "gnome-boxes",
        "gnome-calculator",
        "gnome-contacts",
        "gnome-keyring",
        "gnome-mines",
        "gnome-nibbles",
        "gnome-remote-desktop",
        "gnome-settings-daemon",
        "kaddressbook_importexportplugins",
        "kaddressbook_plugins",
        "kaffeine",
        "kajongg",
        "kalarm",
        "kblackbox",
        "kcm_printer_manager",
        "print-manager",
        "kdeconnect-app",
        "kdiff3",
        "kgoldrunner",
        "killbots",
        "kjumpingcube",
        "kmail",
        "kmail_editorsendcheck_plugins",
        "kmail_plugins",
        "knights",
        "kolf",
        "kompare",
        "kontact",
        "kphotoalbum",
        "ksirk",
        "ksirkskineditor",
        "kstars",
        "ksystemstats_plugins",
        "kubrick",
        "kwave",
        "messageviewer_text_calendar_plugin",
        "messageviewerconfiguresettingsplugins",
        "messageviewerplugins",
        "pimdataexporter",
        "plasma-welcome",
        "plasmavault-kde",
        "polari",
        "rhythmbox",
        "shotwell",
        "sieveeditor",
        "tinysparql3",
        "coreutils",
        "debconf",
        "findutils",
        "gnome-commander",
        "grep",
        "libc",
        "planner",
        "shadow",
        "tar",
        "terminator",
        "appstream",
        "flatpak",
        "fwupd",
        "libpwquality",
        "rygel",
        "udisks2",
        "bleachbit",
        "nano",
        "devhelp",
        "xfce4-screensaver",
        "liferea",
        "onboard",
        "xfce4-appfinder",
        "libreoffice-chart",
        "libreoffice-cnr",
        "libreoffice-dkt",
        "libreoffice-editeng",
        "libreoffice-flt",
        "libreoffice-fps",
        "libreoffice-sb",
        "libreoffice-sm",
        "libreoffice-vcl",
        "libreoffice-xsc",
        "postorius",
        "hyperkitty",
        "django-mailman3",
        "mailman",
    ),
    # Round 17 (all three languages; the eleventh session's round), judged with that
    # session's final code before any change: Mozilla's mail client (its language packs)
    # and Debian 13 programs never used in any language.
    17: (
        "thunderbird",
        "brasero",
        "gparted",
        "libfm",
        "lxpanel",
        "lxappearance",
        "xfce4-panel-profiles",
        "xfce4-xkb-plugin",
        "claws-mail",
        "ghex",
        "aspell",
        "cpio",
        "gdk-pixbuf",
        "libgsf",
        "procps-ng",
        "sane-backends",
        "sudo",
        "texinfo",
        "texinfo_document",
        "vorbis-tools",
        "xz",
        "xkeyboard-config",
    ),
    # Round 18 (all three languages; the twelfth session's round), judged with that session's
    # final code before any change: LibreOffice in Albanian (never used in that language: its
    # modules are rounds 1, 2, 15 and 16's programs, bench_checkpo_real.ROUNDS), its help,
    # officecfg, wizards' resources and extensions, web applications (phpMyAdmin, Zabbix,
    # WordPress), Calibre, Debian 13 programs never used in any language, and Firefox in
    # Armenian (issue 15's own browser catalog: no other never-used Armenian catalog gives
    # enough flags).
    18: (
        "firefox-esr",
        "libreoffice-help",
        "libreoffice-officecfg",
        "libreoffice-wizards",
        "libreoffice-extensions",
        "phpmyadmin",
        "zabbix",
        "wordpress",
        "wordpress-admin",
        "wordpress-admin-network",
        "calibre",
        "accerciser",
        "kbd",
        "gnome-calls",
        "akonadi_davgroupware_resource",
        "akonadi_ews_resource",
        "akonadi_imap_resource",
        "akonadi_maildir_resource",
        "akonadi_maildispatcher_agent",
        "akonadi_mbox_resource",
        "akonadi_mixedmaildir_resource",
        "akonadi_pop3_resource",
        "akonadi_singlefile_resource",
        "alsa-utils",
        "amarok",
        "authenticator",
        "gimp30-std-plug-ins",
        "gnome-color-manager",
        "gnutls",
        "grub",
        "kcm_cursortheme",
        "kcm_desktoptheme",
        "kcm_lookandfeel",
        "kcm_nightlight",
        "kcm_notifications",
        "kcm_users",
        "kio-extras_kcms",
        "kio6_gdrive",
        "knewstuff6",
        "libkicker",
        "plasma_applet_org.kde.plasma.devicenotifier",
        "plasma_runner_sessions",
        "plasmashellprivateplugin",
        "skrooge",
        "sysprof",
        "systemd",
        "timeshift",
        "zanshin",
    ),
    # Round 19 (all three languages; the thirteenth session's round), judged with that
    # session's final code before any change: GTK 3's widget property texts, OpenStack's
    # dashboard, KDE PIM's libraries, KDE Gear and Plasma programs and GNOME programs, never
    # used in these languages (Debian 13).
    19: ("gtk30-properties", "kgeography", "ktouch", *ROUND19_KA),
    # Round 20 (all three languages; the fourteenth session's round), judged with main b65d6c4
    # (the session's start) before any change, then its new flags with the session's final
    # rules: a web application (FreedomBox), a note-taking program (CherryTree), a disc
    # burner (K3b), an IDE (KDevelop), a chat client (Chatty), an office suite's parts
    # (Calligra), KDE PIM's calendar libraries, Xfce's exo and settings (Debian 13). Firefox
    # in Albanian and Xfce's Armenian catalogs of round 7's programs are named by file in
    # bench_checkpo_real.ROUNDS.
    20: (
        "freedombox",
        "cherrytree",
        "xfce4-settings-trixie",
        *ROUND20_KA,
    ),
    # Round 21 (all three languages; the fifteenth session's round), judged with main d817110
    # (the session's start) before any change, then its new flags with the session's final
    # rules: a wiki engine (MediaWiki, its core and bundled extensions), a streaming and
    # recording program (OBS Studio), an OS installer (Calamares) and a BitTorrent client
    # (qBittorrent), whose translations are not gettext catalogs (keyed_catalog_po.py).
    21: ("mediawiki", "mediawiki-extensions", "obs-studio", "calamares", "qbittorrent"),
    # Round 22 (all three languages; the sixteenth session's round), judged with main fee810f
    # (the session's start) before any change, then its new flags with the session's final
    # rules: a photo editor (darktable), a painting program (Krita), a GIS web platform
    # (GeoNode), a password manager (KeePassXC), children's educational games (GCompris), a
    # chess app (Lichess's mobile app), block programming (Blockly, Scratch), the
    # OpenStreetMap editor iD and website, video meetings (Jitsi Meet), webmail (Roundcube),
    # a wiki (DokuWiki), flashcards (Anki) and Wikipedia's Android app.
    22: (
        "darktable",
        "krita",
        "geonode",
        "keepassxc",
        "gcompris",
        "lichess-mobile",
        "blockly",
        "scratch",
        "osm-id",
        "osm-website",
        "jitsi-meet",
        "roundcube",
        "dokuwiki",
        "anki",
        "wikipedia-android",
    ),
    # Round 23 (all three languages; the seventeenth session's round), judged with main 1667d2b
    # (the session's start) before any change, then its new flags with the session's final
    # rules: an ad blocker (uBlock Origin), a media server's web client (Jellyfin), Android
    # apps (Thunderbird for Android, NewPipe, AnkiDroid, VLC for Android) and MediaWiki
    # extensions Debian's mediawiki does not bundle (Content Translation, Growth features,
    # Upload Wizard, Translate, CentralAuth, Proofread Page, MobileFrontend, Wikimedia's
    # messages, Campaign Events, Wikibase).
    23: (
        "ublock-origin",
        "jellyfin-web",
        "thunderbird-android",
        "newpipe",
        "ankidroid",
        "vlc-android",
        "mw-contenttranslation",
        "mw-growthexperiments",
        "mw-uploadwizard",
        "mw-translate",
        "mw-centralauth",
        "mw-proofreadpage",
        "mw-mobilefrontend",
        "mw-wikimediamessages",
        "mw-campaignevents",
        "wikibase",
        "fenix",
        "android-components",
        "mw-flow",
        "mw-collection",
    ),
    # Round 24 (all three languages; the eighteenth session's round), judged with main e68d49b
    # (the session's start) before any change, then its new flags with the session's final
    # rules: a home automation interface (Home Assistant's configuration panel), web analytics
    # (Matomo), a course dashboard (Wiki Education's), a federated forum (Lemmy), voice chat
    # (Mumble), calls and chat (Jami), a file manager (PCManFM-Qt), Android apps (Briar,
    # Mastodon, ReVanced Manager, phyphox, Wikimedia Commons, Firefox Focus, AOSP's Contacts,
    # Email, Calendar and package installer), a collection manager (Tellico), a vocabulary
    # trainer (Parley) and the GTK 4 toolkit.
    24: (
        "home-assistant-config",
        "matomo",
        "wikiedu-dashboard",
        "lemmy",
        "mumble",
        "jami",
        "pcmanfm-qt",
        "briar",
        "mastodon-android",
        "revanced-manager",
        "phyphox",
        "commons-android",
        "focus-android",
        "aosp-contacts",
        "aosp-email",
        "aosp-calendar",
        "aosp-packageinstaller",
        "tellico",
        "parley",
        "gtk40",
    ),
    # Round 25 (all three languages; the nineteenth session's round), judged with main e4e7160
    # (the session's start) before any change, then its new flags with the session's final
    # rules: messengers (Element's web client, Session's desktop app, Delta Chat's and
    # Element's Android apps, AOSP Messaging), a forum (NodeBB; its Armenian admin panel), a
    # learning platform (Kolibri), a photo gallery (Piwigo), a file sync client (Nextcloud's
    # Android app) and a DJ program (Mixxx).
    25: (
        "matrix-react-sdk",
        "session-desktop",
        "nodebb",
        "nodebb-admin",
        "kolibri",
        "piwigo",
        "deltachat-android",
        "nextcloud-android",
        "element-android",
        "aosp-mms",
        "mixxx",
    ),
    # Round 26 (all three languages; the twentieth session's round), judged with main 16459c8
    # (the session's start) before any change, then its new flags with the session's final
    # rules: Mozilla's website, Wikibase, a peer-to-peer client (aMule), file sync clients
    # (ownCloud's desktop and Android apps), a password manager (KeePassDX), a data collection
    # app (ODK Collect), a keyboard (AnySoftKeyboard), an archival description system (AtoM),
    # a scholarly publishing library (PKP's), a social network front end (Soapbox), video
    # front ends (Piped, Invidious), a home automation interface (Home Assistant's, in
    # Armenian) and a desktop's system tools (Linux Mint's).
    26: (
        "www-mozilla",
        "wikibase-main",
        "amule",
        "owncloud-client",
        "owncloud-android",
        "keepassdx",
        "odk-collect",
        "anysoftkeyboard",
        "atom",
        "pkp-lib",
        "soapbox",
        "piped",
        "invidious",
        "home-assistant-frontend",
        "mint-tools",
    ),
    # Round 27 (all three languages; the twenty-fifth session's round), built and judged with
    # main e4222bf (the session's start) before any change: an e-democracy platform (CONSUL
    # Democracy), a social network (diaspora*), a civil-society collaboration platform
    # (cosinnus), a psychological support platform (USupport), a youth e-participation
    # platform (OPIN), an events agenda (Gancio), an issue tracker (Redmine), a VPN client
    # (Mozilla VPN), a game engine's editor (Godot), a web framework (Django) and Android
    # system apps (LineageOS's, AOSP's Gallery2).
    27: (
        "godot-editor",
        "redmine",
        "usupport",
        "cosinnus",
        "opin",
        "mozilla-vpn",
        "gancio",
        "django-core",
        "diaspora",
        "lineage-dialer",
        "trebuchet",
        "lineageos-apps",
        "aosp-gallery2",
        "consul",
    ),
    # Round 28 (all three languages; the twenty-sixth session's round), built and judged with
    # main d8eee33 (the session's start) before any change.
    28: (
        "fixmystreet-ge",
        "monitor-website",
        "mw-securepoll",
        "govuk",
        "awesomebits",
        "story-builder",
        "firefox-marketplace",
        "fdroid-website",
        "firefox-send",
        "firefox-screenshots",
        "testpilot",
        "xtraktr",
        "maps-for-advocacy",
        "work-gender-inequality",
        "noosfero",
        "ooni-probe",
        "pageviews",
        "thimble",
        "update-manager",
        "ubiquity",
    ),
    # Round 29 (all three languages; the twenty-seventh session's round), built and judged with
    # main 2234a35 (the session's start) before any change.
    29: (
        "cockpit",
        "cockpit-machines",
        "cockpit-podman",
        "dnf5",
        "musescore",
        "smplayer",
        "notepad-plus-plus",
        "greenlight",
        "shenmartav",
        "e-procurement",
        "gaia",
        "anaconda-webui",
        "blivet-gui",
        "cockpit-files",
        "weblate-website",
        "mastodon",
        "kuma",
    ),
    # Round 30 (all three languages; the twenty-eighth session's round), built and judged with
    # main 4e74763 (the session's start) before any change.
    30: (
        "laravel",
        "aosp-settings",
        "aosp-tvsettings",
        "aosp-permission",
        "aosp-camera2",
        "aosp-managedprovisioning",
        "aosp-telephony",
        "lineage-updater",
        "dde-file-manager",
        "dde-control-center",
        "deepin-compressor",
        "libguestfs",
        "signal-android",
        "swisscovid",
        "aurora-store",
    ),
    # Round 31 (all three languages; the twenty-ninth session's round), built and judged with
    # main b60adc8 (the session's start) before any change.
    31: (
        "sugar",
        "musicblocks",
        "discourse",
        "joomla",
        "aosp-systemui",
        "pixelfed",
        "firewalld",
        "tt-rss",
        "screenstream",
    ),
    # Round 32 (all three languages; the thirtieth session's round), built and judged with
    # main 50d90f5 (the session's start) before any change.
    32: (
        "chatwoot",
        "ojs",
        "kodi",
        "common-voice",
        "rocketchat",
    ),
    # Round 33 (all three languages; the thirty-first session's round), built and judged with
    # main 2d3973d (the session's start) before any change.
    33: (
        "wekan",
        "bigbluebutton",
        "directus",
        "pychess",
        "scribus",
        "stellarium",
        "owncloud-web",
        "election-data",
        "election-protocols",
        "parliament-votes",
        "rednotebook",
        "firefox-ios",
    ),
    # Round 34 (all three languages; the thirty-second session's round), built with main
    # 7781528 (the session's start) and flagged with it, to be judged blind before any change.
    34: (
        "kio6",
        "blender",
        "kde-frameworks6",
        "mw-flaggedrevs",
        "mw-liquidthreads",
        "lomiri",
    ),
}
HELDOUT = set().union(*HELDOUT_ROUNDS.values())
HELDOUT_OUT = REPO / "benchmarks" / "data" / "checkpo_heldout"
DETERMINERS = {"the", "a", "an", "this", "that", "your", "all", "new", "selected", "current"}
DETERMINERS |= {"no", "any", "each", "every", "its", "their", "my", "default", "one"}
STOP = set(
    [
        "this",
        "already",
        "that",
        "with",
        "from",
        "your",
        "have",
        "will",
        "been",
        "when",
        "which",
        "there",
        "their",
        "into",
        "only",
        "more",
        "than",
        "other",
        "some",
        "what",
        "does",
        "could",
        "should",
        "would",
        "cannot",
        "about",
        "after",
        "before",
        "these",
        "those",
        "also",
        "then",
        "must",
        "need",
        "like",
        "such",
        "each",
        "were",
        "they",
        "them",
        "here",
        "where",
        "while",
        "using",
        "used",
        "make",
        "being",
        "please",
        "could",
        "unable",
        "failed",
        "file's",
        "cannot",
        "doesn",
        "don't",
        "isn",
        "can't",
    ]
)
# Words after which an English noun phrase ends.
PHRASE_ENDS = set(
    [
        "of",
        "in",
        "to",
        "is",
        "was",
        "for",
        "and",
        "or",
        "with",
        "from",
        "on",
        "at",
        "by",
        "that",
        "which",
        "has",
        "have",
        "can",
        "will",
        "could",
        "not",
        "already",
        "exists",
        "does",
        "do",
        "are",
        "were",
        "be",
        "been",
        "as",
        "into",
    ]
) | {"\x02"}
MIN_COUNT = 8
MIN_DICE = 0.45
# The alignment's keys: a target word's prefixes of PREFIX_MIN letters or more, and a word of
# two or three letters that the catalog writes (in two entries or more), written WORD_KEY
# and the word, for the words check-po's rules read as its forms (`_Catalog.short_words`).
PREFIX_MIN = 4
WORD_KEY = "="
# A word of two or three letters as a translation writes it: not in a dotted or slashed name
# (faq.html, a/b); one written in capitals only is an acronym (FAQ), not a word.
SHORT_WORD = re.compile(r"(?<![\w./])([^\W\d_]{2,3})(?![\w/]|\.\w)")
SPLIT = 0.9  # a rival rendering this close to the best makes the word ambiguous
MAX_TERMS = 30
# A term's sense (see _with_senses).
SENSE_BOUND = 0.9  # a phrase whose entries hold the term this often binds it
SENSE_SHARE = 0.8  # the term's uses inside such phrases: its sense is theirs
PLAIN_MIN = 4  # entries with the word standing alone, to tell how it is said there
PLAIN_SHARE = 0.25  # ... where the term is then rare
# A plural said with a word of its own (see _with_plurals).
PLURAL_MIN = 20  # entries with the plural and not the singular, to tell how it is said
PLURAL_TERM = 0.3  # ... where the term is then rare
PLURAL_OTHER = 0.7  # ... and one other word nearly always there
SINGULAR_TERM = 0.8  # while the singular standing without the plural holds the term
# A participle or an adjective, not a noun (see _Catalog.predicative): the share of the
# word's entries where it follows a form of "be" ("could not be sent", "was sent",
# "is running"); a noun there takes a determiner ("is a file"). Nouns of the committed
# and held-out rounds 1-16 reach 0.2 (Nautilus' "web browser is …" twice in 10).
PREDICATIVE = 0.3
# A second sense of the word that the catalog keeps apart by the English noun before it
# (see _with_compounds): "page number", "record number" said ნომერი (an identifier)
# where the term რიცხვი is a numeral.
COMPOUND_NOUNS = 3  # distinct noun modifiers whose compound with the word ...
COMPOUND_OTHER = 0.7  # ... holds one other word in this share of its entries or more
COMPOUND_TERM = 0.3  # ... and the term in at most this share of them
COMPOUND_APART = 0.1  # the term in at most this share of all those compounds' entries
COMPOUND_OUT = 0.2  # the other word in at most this share of the word's other entries
BE = {"be", "been", "being", "was", "were", "is", "are", "am", "isn", "wasn", "aren", "weren"}
# Words that may stand between "be" and the participle: "is not sent", "was already sent",
# and the "t" of "isn't sent" (the words of an entry split at the apostrophe: isn, t).
BE_ADVERBS = {"not", "t", "already", "successfully", "never", "also", "just", "now", "still"}
BE_ADVERBS |= {"automatically", "correctly", "currently", "only", "always"}
_FUNCTION_WORDS = DETERMINERS | STOP | PHRASE_ENDS
# English irregular past participles in -n (a closed class; not those that are also the
# past tense or a noun: set, run, left, sent): participles, not nouns, as the builder's
# words in -ed are (see _irregular_participle).
_PARTICIPLES = """arisen beaten bitten blown broken chosen done drawn driven eaten fallen
forbidden forgiven forgotten frozen given gone gotten grown hidden known mistaken overridden
overwritten proven rewritten ridden risen seen shaken shown spoken stolen sworn taken thrown
torn undone withdrawn woken worn written"""
IRREGULAR_PARTICIPLES = set(_PARTICIPLES.split())
# English ordinal numbers (a closed class): adjectives, not nouns (see _ordinal).
_ORDINALS = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh
twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
hundredth thousandth"""
ORDINALS = set(_ORDINALS.split())


def entries(path: Path):
    """(msgid with plural, [translations]) of every translated entry of a .mo file."""
    import polib

    for entry in polib.mofile(str(path)):
        if not entry.msgid:
            continue
        if entry.msgid_plural:
            strs = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
            source = f"{entry.msgid}\n{entry.msgid_plural}"
        else:
            strs = [entry.msgstr]
            source = entry.msgid
        if all(strs):
            yield entry, source, strs


def dictionary_form(
    words: collections.Counter, lang: str, around: collections.Counter | None = None
) -> str:
    """Of the observed words, the one whose inflected forms cover most observations.

    ``around``: other words of the same entries, outside the prefix, that may be the
    lemma of the frequent forms (ka ფენა, layer, for ფენის, ფენები, ფენით: the prefix
    ფენი- leaves the nominative out).
    """
    from moci_vocab.checkpo.inflection import for_language
    from moci_vocab.checkpo.target_match import TargetMatcher, compile_term, stems_of

    infl = for_language(lang)
    matcher = TargetMatcher(infl)
    candidates = [t for t, n in words.items() if n >= 2] or list(words)
    # A lemma seen once is still a candidate when it is the stem of a frequent form, or
    # that stem and a final vowel (program for programi; dritare for dritares); so is a
    # word of the same entries that the rules give as such a stem (ფენა for ფენის).
    stems = {stem for t in candidates for stem in stems_of(t, infl)}
    vowels = tuple(infl.final_vowels)
    counts = words + (around or collections.Counter())
    candidates += [
        t
        for t in words
        if t not in candidates and (t in stems or (t.endswith(vowels) and t[:-1] in stems))
    ]
    candidates += [t for t in counts if t not in candidates and t in stems]

    def covered(candidate: str) -> int:
        [term] = compile_term(candidate, "preferred", [], infl)[:1]
        spec = term.words[0]
        return sum(n for t, n in words.items() if matcher.word_matches(t, spec))

    coverage = {t: covered(t) for t in candidates}
    best = max(coverage.values())
    # The lemma, as a glossary gives it: of the words that explain (nearly) as many
    # observations, one the language's rules do not read as an inflected form (sq
    # shfletim, not shfletimi; emër, not emri; temë, not tema).
    near = [t for t in candidates if coverage[t] >= 0.9 * best]
    lemmas = [t for t in near if not _inflected(t, near, infl)]
    return max(lemmas or candidates, key=lambda t: (coverage[t], -len(t), counts[t], t))


# A dictionary form that a term given in an inflected form is taken back to, per language:
# a Georgian noun's ends in a vowel (the nominative -ი of a consonant stem), where a term in
# a consonant is a case form (the genitive -ის, dative -ს, -ში …) or a bare stem; an
# Armenian one has no article (-ը, or -ն after a vowel). Albanian's definite forms and the
# indefinite -ë or -e are not told apart by the rules alone: none.
CITATION_VOWELS = {"ka": "აეიოუ"}
# Armenian's articles: -ը after a consonant, -ն after a vowel (թեմա → թեման); not after ի,
# where -ին is the dative (էջին, to the page, is no article of էջի).
ARTICLES = {"hy": ("ը", "ն")}
_ARTICLE_N_AFTER = "աեէոօւ"


def citation_form(term: str, vocabulary: collections.Counter, lang: str) -> str:
    """The term's dictionary form where the term is an inflected form of a word the
    catalog writes (``vocabulary``: its words, each with its number of entries), as a
    glossary gives a term (check-po takes its forms): ka the genitive კონტროლის
    (MediaWiki's watchlist, კონტროლის სია) → კონტროლი, ფანჯრის → ფანჯარა, the bare
    stem ფაილ- → ფაილი; hy the article պատմությունը → պատմություն, թեման → թեմա.

    Georgian: a term in a consonant, and a word in a vowel that the language's rules give
    as its stem, or that stem and a final vowel, of which the term is a form, not itself
    an inflected form of another such word (the commonest of them; not the term and a
    vowel but the nominative -ი: ამოცანისა is no lemma of ამოცანის), written in two
    entries or more. Armenian: the term without its article, a word of the catalog. Else
    the term as it is.
    """
    from moci_vocab.checkpo.inflection import for_language
    from moci_vocab.checkpo.target_match import TargetMatcher, compile_term, stems_of

    if lang in ARTICLES:
        bare = term[:-1]
        article = term.endswith(ARTICLES[lang][0]) or (
            term.endswith(ARTICLES[lang][1]) and bare[-1:] in _ARTICLE_N_AFTER
        )
        return bare if article and len(bare) >= 2 and vocabulary[bare] else term
    vowels = CITATION_VOWELS.get(lang)
    if vowels is None or term[-1] in vowels:
        return term
    infl = for_language(lang)
    stems = set(stems_of(term, infl, term=True))
    # (a word of two entries or more: გვერდი, not a slip like ხმი for ხმა)
    written = [word for word, n in vocabulary.items() if n >= 2 and word[-1] in vowels]
    found = [
        word
        for word in written
        if word in stems
        or (len(word) >= 3 and word[:-1] in stems and (word[:-1] != term or word[-1] == "ი"))
    ]
    matcher = TargetMatcher(infl)
    found = [
        word
        for word in found
        if matcher.word_matches(term, compile_term(word, "preferred", [], infl)[0].words[0])
        and not _inflected(word, found, infl)
    ]
    return max(found, key=lambda word: (vocabulary[word], -len(word), word)) if found else term


def _inflected(word: str, others: list[str], infl) -> bool:
    """Is the word another observed word plus an ending its language's rules take off
    (shfletimi: shfletim + i; tema: temë less ë, + a; not drejtori, with no drejtor)?"""
    observed = set(others) - {word}
    for old, new in (*infl.lemma_endings, *infl.replacements):
        if not word.endswith(old) or len(word) - len(old) < 3:
            continue
        stem = word[: len(word) - len(old)] + new
        if stem in observed or any(stem + vowel in observed for vowel in infl.final_vowels):
            return True
    return False


def script_of(word: str) -> str:
    """The script of a word's first letter, as Unicode names it (LATIN, GEORGIAN, ARMENIAN)."""
    import unicodedata

    return unicodedata.name(word[0], "?").split()[0]


def main_script(target: list[set[str]]) -> str:
    """The script most of the catalog's translated words are written in."""
    counts = collections.Counter(script_of(t) for toks in target for t in toks)
    return counts.most_common(1)[0][0] if counts else "LATIN"


def _sides(rows: list[tuple[str, list[str]]]) -> tuple[list[list[str]], list[set[str]]]:
    """Each entry's English words (in order) and its translations' words (a set)."""
    english = []
    for source, _strs in rows:
        words = [w for w in source_key(source).split() if NAME_MARK not in w and "\x02" not in w]
        english.append(words)
    target = [{t for s in strs for t in tokens(s)} for _s, strs in rows]
    # Words in another script than the catalog's (English kept in a Georgian or Armenian
    # catalog: names, "VLC media player") are no translation of a term.
    script = main_script(target)
    target = [{t for t in toks if script_of(t) == script} for toks in target]
    return english, target


def glossary_for(
    rows: list[tuple[str, list[str]]], lang: str, short: bool = True
) -> dict[str, dict]:
    """The catalog's dominant terms: {english: {"term", "prefix", "pos", "dice", "count"}};
    ``short``: words of two or three letters as alignment keys (`_Catalog.short_words`)."""
    catalog = _Catalog(rows, lang, short)
    words = _candidates(catalog.doc_freq)
    nouns = noun_uses([source for source, _strs in rows], words, lang)
    found: dict[str, dict] = {}
    for word in words:
        data = catalog.concept(word, nouns.get(word, set()))
        if data is not None:
            found[word] = data
    ranked = sorted(found.items(), key=lambda kv: -kv[1]["count"])[:MAX_TERMS]
    # One target word for one concept: a later English word with the same term is dropped.
    seen: set[str] = set()
    glossary = {}
    for word, data in ranked:
        if data["term"] in seen:
            continue
        seen.add(data["term"])
        glossary[word] = data
    glossary = _with_citations(glossary, catalog.vocabulary, lang)
    glossary = _with_senses(glossary, catalog.english, catalog.target, lang)
    return _with_compounds(_with_plurals(glossary, catalog, lang), catalog, lang)


class _Catalog:
    """A catalog's English words and target words, with what the term choice reads of them."""

    def __init__(self, rows: list[tuple[str, list[str]]], lang: str, short: bool = True) -> None:
        """``short``: whether words of two or three letters are alignment keys
        (`short_words`; without, as the builder chose before it knew them)."""
        self.lang = lang
        self.short = short
        self.rows = rows
        self.english, self.target = _sides(rows)
        self.doc_freq = collections.Counter(w for words in self.english for w in set(words))
        self.lemmas = _lemma_groups(self.target, lang)
        self.lemma_total = collections.Counter(g for groups in self.lemmas for g in groups)
        self.vocabulary = collections.Counter(t for toks in self.target for t in toks)

    def short_words(self) -> dict[str, tuple[str, ...]]:
        """Each target word → the alignment keys (`WORD_KEY` and the word) of the words of
        two or three letters the catalog writes in two entries or more whose form it is,
        as check-po's rules read it (made once).

        The alignment's prefixes have four letters or more, and the forms of a shorter
        word share none: Lichess's Armenian *game* is խաղ, written խաղ, խաղի, խաղը, խաղեր
        and խաղում (70 of the game's 128 entries), each form a prefix of its own or none
        (խաղ-, three letters), and պարտիա (another word for a game of chess, 45 entries,
        one prefix պարտի-) won; KeePassXC's Albanian *entry* is zë, zëri, zëra (zë: two
        letters), and the definite zëri- won. A short word is a key of its own, holding
        its forms, and nothing else that starts like it (խաղաքար, a piece; խաղալ, to play).
        Only a word the catalog writes in two entries or more not in capitals only and
        outside a dotted or slashed name (`SHORT_WORD`; not an acronym: KDE's Albanian FAQ and
        faq.html, of which the rules would read faqe, a page, as a form), whose forms it writes
        (a word written bare only has none to gather: Scratch's Armenian էլ, the e- of էլ.
        փոստ, e-mail), and in a language whose
        nouns' dictionary forms end in a vowel (`CITATION_VOWELS`) one that ends in one (not
        LibreOffice's Georgian უჯრ, an abbreviation of the cell უჯრა).
        """
        if not self.short:
            return {}
        if not hasattr(self, "_short"):
            from moci_vocab.checkpo.inflection import for_language
            from moci_vocab.checkpo.target_match import TargetMatcher, compile_term

            infl = for_language(self.lang)
            matcher = TargetMatcher(infl)
            vowels = CITATION_VOWELS.get(self.lang)
            lower = collections.Counter(
                w
                for _source, strs in self.rows
                for w in {
                    m.casefold()
                    for text in strs
                    for m in SHORT_WORD.findall(text)
                    if not m.isupper()
                }
            )
            short = {
                w: compile_term(w, "preferred", [], infl)[0].words[0]
                for w, n in lower.items()
                if n >= 2 and w in self.vocabulary and (vowels is None or w[-1] in vowels)
            }
            # (by the letters its forms start with: the word, or its stem where its final
            # vowel gives way to an ending, ka სია → სიები, სიის)
            starts = collections.defaultdict(set)
            for w in short:
                starts[w].add(w)
                if w[-1] in infl.final_vowels and len(w) > 2:
                    starts[w[:-1]].add(w)
            found = {}
            for t in self.vocabulary:
                keys = sorted(
                    WORD_KEY + w
                    for k in range(2, min(PREFIX_MIN, len(t) + 1))
                    for w in starts.get(t[:k], ())
                    if t == w or matcher.word_matches(t, short[w])
                )
                if keys:
                    found[t] = tuple(dict.fromkeys(keys))
            written = {key for t, keys in found.items() for key in keys if len(t) + 1 > len(key)}
            kept = {t: tuple(key for key in keys if key in written) for t, keys in found.items()}
            self._short = {t: keys for t, keys in kept.items() if keys}
        return self._short

    def keys(self, word: str) -> set[str]:
        """A target word's alignment keys: its prefixes of `PREFIX_MIN` letters or more and
        the short words whose form it is (`short_words`)."""
        return {word[:k] for k in range(PREFIX_MIN, len(word) + 1)}.union(
            self.short_words().get(word, ())
        )

    def within(self, word: str, key: str) -> bool:
        """Is the target word under the alignment key (a prefix it starts with, a short
        word whose form it is)?"""
        if key.startswith(WORD_KEY):
            return key in self.short_words().get(word, ())
        return word.startswith(key)

    def head_only(self, short: str, having: list[int], nominal, prefixes, total) -> bool:
        """Does the short word's key (``short``) stand, in half its entries or more, with the
        prefix that aligns best without it, one of another word (not its own form)? The
        short word is then the head of a two-word rendering whose other word the alignment
        took: VLC's Georgian playlist is დასაკრავი სია (a list to play; 57 of the 75
        entries with სია, list), and the cut "სია" alone is judged a real inconsistency,
        which the head as the term would pass."""
        with_short = [i for i in having if any(self.within(t, short) for t in nominal[i])]
        own = {t for i in with_short for t in nominal[i] if self.within(t, short)}
        rest = [
            p
            for p in prefixes
            if p[0] != WORD_KEY and not any(t.startswith(p) for t in own)  # (სიის-: its own)
        ]
        if not rest:
            return False
        other = max(rest, key=lambda p: (2 * prefixes[p] / (len(having) + total[p]), -len(p), p))
        both = sum(1 for i in with_short if any(t.startswith(other) for t in nominal[i]))
        return 2 * both >= len(with_short)

    def concept(self, word: str, nouns: set[int], verbs: bool = False) -> dict | None:
        """The word's concept ({"term", "prefix", "pos", "dice", "count"}), or None: the
        target word that dominates its uses as a noun (``nouns``: the entries where
        check-po reads it as one, `noun_uses`), no finite verb form (``verbs``: as the
        builder chose before it knew them, `verb_nouns_for`)."""
        english, target, doc_freq = self.english, self.target, self.doc_freq
        forms = {word, word + "s", word + "es"}
        having = [i for i, words in enumerate(english) if forms & set(words)]
        if len(having) < MIN_COUNT:
            return None
        after = sum(
            1
            for i in having
            for k, w in enumerate(english[i])
            if w in forms and k > 0 and english[i][k - 1] in DETERMINERS
        )
        if after / len(having) < 0.15:
            return None  # not mostly a noun
        opening = sum(1 for i in having if english[i] and english[i][0] in forms)
        if opening / len(having) > 0.25:
            return None  # mostly an imperative (Copy, Search, Change …): a verb
        if self.predicative(word):
            return None  # a participle (sent) or an adjective after "be": not a noun
        ends = sum(
            1
            for i in having
            for k, w in enumerate(english[i])
            if w in forms and (k + 1 == len(english[i]) or english[i][k + 1] in PHRASE_ENDS)
        )
        if ends / len(having) < 0.3:
            return None  # a modifier (the selected file, a custom icon): not a noun of its own
        # The term is what the noun's uses hold: nano's *type* is shtypni (press keys) in
        # "Type the name …", lloj in "this type of file"; KAlarm's *time* in "Time zone"
        # and "the number of times" is no time of day. Too few uses as a noun: no concept.
        having = [i for i in having if i in nouns]
        if len(having) < MIN_COUNT:
            return None
        # A finite verb form renders no noun (`verb_form`): KDE's "Click this button",
        # დააწკაპუნეთ ამ ღილაკზე, and "Press this button", დააწექით ამ ღილაკს — the verbs'
        # prefix დააწ- aligned with *button* better than ღილაკ-, the noun, which is its term.
        nominal = target if verbs else self.nominal()
        prefixes = collections.Counter()
        for i in having:
            prefixes.update({k for t in nominal[i] for k in self.keys(t)})
        if not prefixes:
            return None
        total = collections.Counter()
        for toks in nominal:
            total.update({k for t in toks for k in self.keys(t)} & prefixes.keys())

        def rank(p: str) -> tuple:
            return 2 * prefixes[p] / (len(having) + total[p]), -len(p), p

        best = max(prefixes, key=rank)
        if best.startswith(WORD_KEY) and self.head_only(best, having, nominal, prefixes, total):
            prefixes = collections.Counter({p: n for p, n in prefixes.items() if p[0] != WORD_KEY})
            best = max(prefixes, key=rank)
        dice = 2 * prefixes[best] / (len(having) + total[best])
        if dice < MIN_DICE or prefixes[best] < MIN_COUNT:
            return None
        within = self.within
        if _linked_elsewhere(best, dice, forms, english, target, doc_freq, within):
            return None  # the target word translates a neighbour (character coding → kodifikim)
        dices = {p: 2 * prefixes[p] / (len(having) + total[p]) for p in prefixes}
        if _split(best, dices, [target[i] for i in having], within):
            return None  # two renderings, each used alone (lower case → vogla, upper → mëdha)
        head = _head_of(best, having, target, self.lemmas, self.lemma_total, within)
        if head is not None:  # sq "temë grafike" (theme): grafike is the modifier of tem-
            best, prefixes[best], total[best] = head
            dice = 2 * prefixes[best] / (len(having) + total[best])
        words = collections.Counter(t for i in having for t in target[i] if within(t, best))
        # Words that differ from the prefix in its last letter only (ფენა for ფენი-), not
        # shorter ones (sq lidh, to connect, is no lemma of lidhje-); a short word's key
        # holds its forms already.
        around = collections.Counter(
            t
            for i in having
            for t in target[i]
            if not best.startswith(WORD_KEY)
            and t.startswith(best[:-1])
            and len(t) >= len(best)
            and t not in words
        )
        term = dictionary_form(words, self.lang, around)
        if verb_form(term, self.lang) and not verbs:
            return None  # the verb the noun stands with (click the button), not the noun
        return {
            "term": term,
            "prefix": _common_prefix(best.removeprefix(WORD_KEY), term),
            "pos": "noun",
            "dice": round(dice, 3),
            "count": prefixes[best],
        }

    def nominal(self) -> list[set[str]]:
        """Each entry's target words without the finite verb forms (`verb_form`; made once)."""
        if not hasattr(self, "_nominal"):
            lang = self.lang
            self._nominal = [{t for t in toks if not verb_form(t, lang)} for toks in self.target]
        return self._nominal

    def predicative(self, word: str) -> bool:
        """Does the word follow a form of "be" in PREDICATIVE of its entries or more (an
        adverb or "not" between): a past participle or an adjective, not a noun?

        The builder skips words in -ed (selected, named); an irregular participle passes
        that test, and check-po reads a bare "Sent" label as a noun. Thunderbird's *sent*
        ("could not be sent", "was sent to you": 20 of its 40 entries) gave Armenian the
        verb form ուղարկվել as a noun's term; a glossary gives nouns, or a verb's lemma.
        """
        forms = {word, word + "s", word + "es"}
        having = after_be = 0
        for words in self.english:
            if forms.isdisjoint(words):
                continue
            having += 1
            for k, w in enumerate(words):
                if w not in forms:
                    continue
                j = k - 1
                while j >= 0 and words[j] in BE_ADVERBS:
                    j -= 1
                if j >= 0 and words[j] in BE:
                    after_be += 1
                    break
        return having > 0 and after_be >= PREDICATIVE * having


def _candidates(doc_freq: collections.Counter) -> list[str]:
    """The catalog's frequent English words that may be nouns, most frequent first."""
    found = []
    for word, _n in doc_freq.most_common(400):
        if len(word) < 4 or not word.isalpha() or word in STOP or word.endswith("s"):
            continue
        if word.endswith(("able", "ible")):
            continue  # an adjective (available, editable), not a noun
        if word.endswith("ed") and not word.endswith("eed"):
            continue  # a participle (selected, named), not a noun
        if _irregular_participle(word):
            continue  # given, shown, written: a participle too
        if _ordinal(word):
            continue  # second: the ordinal, or the unit of time
        found.append(word)
    return found


def _irregular_participle(word: str) -> bool:
    """Is the word an English irregular past participle in -n (given, shown, written)?

    LibreOffice Calc's Albanian "the criteria given", "a given year" gave *given* the
    participle dhënë as a noun's term; the builder skipped participles in -ed only. The
    irregular ones are a closed class of English (IRREGULAR_PARTICIPLES).
    """
    return word in IRREGULAR_PARTICIPLES


def _ordinal(word: str) -> bool:
    """Is the word an English ordinal number (first, second, third …, ORDINALS)?

    An ordinal is an adjective; *second* is also the unit of time, a noun, and a catalog
    uses the word in both senses: LabPlot's Georgian gave *second* the ordinal მეორე as a
    noun's term, flagged at every "%1 seconds" (წამი), phpMyAdmin's Albanian the unit
    *sekondë*, flagged at every "the second option" (e dytë). One English word with two
    senses by its part of speech gives no concept (a glossary gives nouns).
    """
    return word in ORDINALS


# The endings of a language's finite verb forms that no noun has (the grammar's): Georgian's
# second person plural, -ეთ and -ოთ (დააწკაპუნეთ, click; დატოვოთ, that you leave), where
# every noun ends in a vowel in its dictionary form and no case ending is -ეთ or -ოთ.
VERB_ENDINGS = {"ka": ("ეთ", "ოთ")}


def verb_form(term: str, lang: str) -> bool:
    """Is a target word a finite verb form of its language (`VERB_ENDINGS`), never a noun's
    term? KDE's calendar views in Georgian say "Click this button" დააწკაპუნეთ ამ ღილაკზე
    and "Press this button" დააწექით ამ ღილაკს: the two verbs share the prefix დააწ-, which
    then aligned with *button* better than ღილაკ- (used elsewhere too), and the builder gave
    the button the imperative click; KMail's "leave blank" gave *blank* დატოვოთ."""
    return term.endswith(VERB_ENDINGS.get(lang, ()))


def verbs_for(rows: list[tuple[str, list[str]]], lang: str, glossary: dict) -> dict:
    """A glossary built earlier, its terms kept, without the concepts whose term is a verb
    form (`verb_form`): what `glossary_for` now does when it chooses a term."""
    return {word: data for word, data in glossary.items() if not verb_form(data["term"], lang)}


def citations_for(rows: list[tuple[str, list[str]]], lang: str, glossary: dict) -> dict:
    """A glossary built earlier, its terms given in an inflected form taken to their
    dictionary form (`_with_citations`): what `glossary_for` now does once it has its terms."""
    _english, target = _sides(rows)
    return _with_citations(glossary, collections.Counter(t for toks in target for t in toks), lang)


def _with_citations(glossary: dict, vocabulary: collections.Counter, lang: str) -> dict:
    """Each concept with its term in its dictionary form (`citation_form`), the prefix cut to
    what the two share, unless that form is another concept's term or form: one target word
    is one concept's. A genitive that modifies another word stays (VLC's Georgian folder
    საქაღალდის beside its directory საქაღალდე; OBS's streaming ნაკადის, of the stream, beside
    the stream ნაკადი), as two concepts with one term would be one."""
    forms = {word: citation_form(data["term"], vocabulary, lang) for word, data in glossary.items()}
    taken = collections.Counter(data["term"] for data in glossary.values())
    taken.update(form for word, form in forms.items() if form != glossary[word]["term"])
    cited = {}
    for word, data in glossary.items():
        form = forms[word]
        if form != data["term"] and taken[form] == 1:
            data = {**data, "term": form, "prefix": _common_prefix(data["prefix"], form)}
        cited[word] = data
    return cited


def verb_nouns_for(rows: list[tuple[str, list[str]]], lang: str, glossary: dict) -> dict:
    """A glossary built earlier, its concepts kept as built, with the concepts it lacks
    because their best-aligned word was a finite verb form (`verb_form`; `verbs_for` took
    them out): the term the noun's uses give without the verbs, as `glossary_for` now
    chooses it (with its senses, plurals and compounds), where no concept has that term."""
    if lang not in VERB_ENDINGS:
        return glossary
    catalog = _Catalog(rows, lang)
    words = [word for word in _candidates(catalog.doc_freq) if word not in glossary]
    nouns = noun_uses([source for source, _strs in rows], words, lang)
    terms = {data["term"] for data in glossary.values()}
    added = {}
    for word in words:
        before = catalog.concept(word, nouns.get(word, set()), verbs=True)
        if before is None or not verb_form(before["term"], lang):
            continue
        data = catalog.concept(word, nouns.get(word, set()))
        if data is not None and data["term"] not in terms:
            added[word] = data
            terms.add(data["term"])
    return _with_steps(glossary, added, catalog, lang)


def _with_steps(glossary: dict, new: dict, catalog: _Catalog, lang: str) -> dict:
    """The glossary with its new or rechosen concepts (``new``) given the steps that
    `glossary_for` gives a chosen term (dictionary form, senses, plurals, compounds)."""
    if not new:
        return glossary
    cited = _with_citations({**glossary, **new}, catalog.vocabulary, lang)
    new = _with_senses({word: cited[word] for word in new}, catalog.english, catalog.target, lang)
    return {**glossary, **_with_compounds(_with_plurals(new, catalog, lang), catalog, lang)}


def short_words_for(rows: list[tuple[str, list[str]]], lang: str, glossary: dict) -> dict:
    """A glossary built earlier, its concepts kept as built, but those whose term the
    alignment gives otherwise now that a word of two or three letters is a key of its own
    (`_Catalog.short_words`): the term it gives (with its dictionary form, senses, plurals
    and compounds, as `glossary_for` gives them), where no other concept has that term."""
    catalog = _Catalog(rows, lang)
    before = _Catalog(rows, lang, short=False)
    nouns = noun_uses([source for source, _strs in rows], list(glossary), lang)
    terms = {data["term"] for data in glossary.values()}
    changed = {}
    for word in glossary:
        data = catalog.concept(word, nouns.get(word, set()))
        old = before.concept(word, nouns.get(word, set()))
        if data is None or old is None or data["term"] == old["term"] or data["term"] in terms:
            continue
        changed[word] = data
        terms.add(data["term"])
    return _with_steps(glossary, changed, catalog, lang)


def noun_uses(sources: list[str], words: list[str], lang: str) -> dict[str, set[int]]:
    """Each word → the entries whose English check-po reads it in as a noun: where a
    glossary giving the word as a noun demands its term (the source side of a check, with
    its part-of-speech test, its idioms and the other senses it knows)."""
    from moci_vocab.checkpo.compile import compile_glossary
    from moci_vocab.model import Concept, Glossary, LanguageSpec, Manifest, Term

    languages = {"en": LanguageSpec("en", "Latn"), lang: LanguageSpec(lang, "")}
    glossary = Glossary(Path("."), Manifest(name="builder", languages=languages))
    for word in words:
        glossary.concepts[word] = Concept(id=word, terms={"en": [Term(word, pos="noun")]})
    compiled = compile_glossary(glossary, lang)
    found: dict[str, set[int]] = collections.defaultdict(set)
    for entry, concept in compiled.source_matcher.pairs(sources):
        found[compiled.rules[concept].concept].add(entry)
    return found


def nouns_for(rows: list[tuple[str, list[str]]], lang: str, glossary: dict) -> dict:
    """A glossary built earlier, its terms kept, without the concepts whose term the
    English word's noun uses do not give (`_Catalog.concept`): what `glossary_for` now
    does when it chooses a term. Only that step decides: a concept today's other steps
    would not give (glossaries built by an earlier builder) is kept as built."""
    catalog = _Catalog(rows, lang)
    sources = [source for source, _strs in rows]
    nouns = noun_uses(sources, list(glossary), lang)
    everywhere = set(range(len(sources)))
    return {
        word: data
        for word, data in glossary.items()
        if catalog.concept(word, nouns.get(word, set())) is not None
        or catalog.concept(word, everywhere) is None
    }


def participles_for(rows: list[tuple[str, list[str]]], lang: str, glossary: dict) -> dict:
    """A glossary built earlier, its terms kept, without the concepts whose English word
    is a participle or an adjective after "be" (`_Catalog.predicative`) or an irregular
    participle (`_irregular_participle`) or an ordinal (`_ordinal`): what `glossary_for` now
    does when it chooses a term."""
    catalog = _Catalog(rows, lang)
    return {
        word: data
        for word, data in glossary.items()
        if not catalog.predicative(word) and not _irregular_participle(word) and not _ordinal(word)
    }


def senses_for(rows: list[tuple[str, list[str]]], lang: str, glossary: dict) -> dict:
    """A glossary built earlier, its terms kept, given the senses the catalog shows
    (`_with_senses`): what `glossary_for` now does as its last step."""
    english, target = _sides(rows)
    return _with_senses(glossary, english, target, lang)


def _with_senses(glossary: dict, english, target, lang: str) -> dict:
    """Each concept with the sense its term covers in this catalog, as a person writing
    the glossary would give it: none where the term names a compound's sense only.

    LibreOffice Calc's add-ins say *value* as ღირებულება (worth) in "redemption value",
    "face value", "par value", "present value", "salvage value" (24 of its 25 uses), and
    the value standing alone ("The values", "the value at which the function is
    evaluated", 0 of 11) as მნიშვნელობა or სიდიდე: the term is the financial sense of
    those phrases, not the word's. Such a word gets no concept when its term's uses are
    nearly all (SENSE_SHARE) inside phrases of it with a neighbouring word that hold the
    term nearly always (SENSE_BOUND, two entries or more), and the word standing without
    a modifier before it (PLAIN_MIN entries or more) holds the term at most PLAIN_SHARE
    of the time. A term used for the bare word too (Pluma's Armenian location, also in
    "typed the location correctly") keeps its concept, and a rendering that differs in
    some phrases only is a synonym (judged real), not a sense the builder can tell.
    """
    from moci_vocab.checkpo.inflection import for_language
    from moci_vocab.checkpo.target_match import TargetMatcher, compile_term

    infl = for_language(lang)
    matcher = TargetMatcher(infl)
    kept = {}
    for word, data in glossary.items():
        [term] = compile_term(data["term"], "preferred", [], infl)[:1]
        forms = {word, word + "s", word + "es"}
        having = [i for i, words in enumerate(english) if forms & set(words)]
        said = {t for i in having for t in target[i]}  # each word tested once
        said = {t for t in said if matcher.word_matches(t, term.words[0])}
        uses = {i for i in having if not said.isdisjoint(target[i])}
        phrases: dict[str, set[int]] = collections.defaultdict(set)
        plain = []
        for i in having:
            words = english[i]
            alone = False
            for k, w in enumerate(words):
                if w not in forms:
                    continue
                before = words[k - 1] if k else ""
                after = words[k + 1] if k + 1 < len(words) else ""
                if _content(before):
                    phrases[f"{before} {word}"].add(i)
                else:
                    alone = True
                if _content(after):
                    phrases[f"{word} {after}"].add(i)
            if alone:
                plain.append(i)
        bound = set()
        for found in phrases.values():
            if len(found) >= 2 and len(found & uses) >= SENSE_BOUND * len(found):
                bound |= found
        in_phrases = len(uses & bound)
        plain_uses = sum(1 for i in plain if i in uses)
        if (
            uses
            and in_phrases >= SENSE_SHARE * len(uses)
            and len(plain) >= PLAIN_MIN
            and plain_uses <= PLAIN_SHARE * len(plain)
        ):
            continue  # the term is a phrase's sense; the word alone is said otherwise
        kept[word] = data
    return kept


def plurals_for(rows: list[tuple[str, list[str]]], lang: str, glossary: dict) -> dict:
    """A glossary built earlier, its terms kept, given the plurals the catalog says with a
    word of their own (`_with_plurals`): what `glossary_for` now does as its last step."""
    return _with_plurals(glossary, _Catalog(rows, lang), lang)


def _with_plurals(glossary: dict, catalog: _Catalog, lang: str) -> dict:
    """Each concept without its English plural where the catalog says the plural with a
    word of its own and the singular with the term, each consistently: the plural is
    then another sense, recorded in the concept's ``not_senses``, as a person writing
    the glossary would note it.

    Armenian LibreOffice Writer labels its Options dialog and buttons Ընտրանքներ ("Options",
    "More Options", "Email Options": 40 of its 55 entries with *options* and not *option*)
    and says a choice, "this option", տարբերակ (45 of 45): the term is the singular's.
    A plural in PLURAL_MIN entries or more that holds the term at most PLURAL_TERM of the
    time and one other word (a lemma group of the catalog, not the term's) at least
    PLURAL_OTHER of the time, while the singular holds the term at least SINGULAR_TERM of
    the time. The other way round, where the term is the plural's (held by most of its
    entries) and the singular is said with a word of its own (the Armenian options
    dialogs: "Options" Ընտրանքներ, "this option" and "the alignment option" տարբերակ, 21
    of 25), the word gets no concept: a not_sense of the singular would take the plural
    too. A plural said with the term's synonym in a few entries (NetworkManager's
    Georgian კავშირები beside შეერთება, 13 entries; Calc's Armenian ranges as միջակայք, a
    third of 30 with the term) stays the concept's: those are the real inconsistencies.
    """
    from moci_vocab.checkpo.inflection import for_language
    from moci_vocab.checkpo.source_match import plurals as english_plurals
    from moci_vocab.checkpo.source_match import spellings
    from moci_vocab.checkpo.target_match import TargetMatcher, compile_term

    infl = for_language(lang)
    matcher = TargetMatcher(infl)
    english, target, lemmas = catalog.english, catalog.target, catalog.lemmas
    kept = {}
    for word, data in glossary.items():
        kept[word] = data
        # The forms check-po reads as the word's (english_variants): properties, entries.
        forms = spellings(word)
        plural = set().union(*map(english_plurals, forms)) - forms
        singular = [
            i
            for i, words in enumerate(english)
            if not forms.isdisjoint(words) and plural.isdisjoint(words)
        ]
        plurals = [
            i
            for i, words in enumerate(english)
            if forms.isdisjoint(words) and not plural.isdisjoint(words)
        ]
        if max(len(plurals), len(singular)) < PLURAL_MIN or not singular or not plurals:
            continue
        [term] = compile_term(data["term"], "preferred", [], infl)[:1]
        said = {t for i in singular + plurals for t in target[i]}  # each word tested once
        said = {t for t in said if matcher.word_matches(t, term.words[0])}
        uses = {i for i in singular + plurals if not said.isdisjoint(target[i])}
        own = {g for i in uses for g in lemmas[i] if any(t.startswith(g) for t in said)}

        if (
            _said_otherwise(singular, uses, own, lemmas)
            and len(uses & set(plurals)) > len(plurals) / 2
        ):
            # The term is the plural's (the Armenian options dialog labels "Options"
            # Ընտրանքներ) and the singular is said with its own word ("this option",
            # տարբերակ): no one term for the word, and a not_sense of the singular would
            # take the plural too — no concept.
            del kept[word]
            continue
        if sum(1 for i in singular if i in uses) < SINGULAR_TERM * len(singular):
            continue
        if not _said_otherwise(plurals, uses, own, lemmas):
            continue
        forms = sorted({w for i in plurals for w in english[i] if w in plural})
        kept[word] = {**data, "not_senses": forms}
    return kept


def compounds_for(rows: list[tuple[str, list[str]]], lang: str, glossary: dict) -> dict:
    """A glossary built earlier, its terms kept, given the compounds the catalog says with
    a word of their own (`_with_compounds`): what `glossary_for` now does as its last step."""
    return _with_compounds(glossary, _Catalog(rows, lang), lang)


def _with_compounds(glossary: dict, catalog: _Catalog, lang: str) -> dict:
    """Each concept with the compounds of its word that the catalog says with another word,
    a second sense of the word kept apart by the English noun before it, recorded in the
    concept's ``not_senses``, as a person writing the glossary would note them.

    LibreOffice's Georgian help says *number* as რიცხვი, the numeral (295 of its 595
    entries), and the identifier, "page number", "record number", "version number",
    "footnote number", … as ნომერი (60 of the 65 entries of seven such compounds, the term
    in none of them), while ნომერი stands in 75 of the word's 530 other entries. A word of
    the target language (not the term's forms) that holds COMPOUND_OTHER of the entries of
    "N word" and the term at most COMPOUND_TERM of them, for COMPOUND_NOUNS distinct nouns
    N or more (a noun: the catalog has its plural, or it follows a determiner and ends a
    phrase as the builder's nouns do), the term at most COMPOUND_APART of all those entries
    (the senses kept apart, not a synonym used beside the term), and the other word at
    most COMPOUND_OUT of the word's other entries: those compounds are another sense. A
    rendering that differs in one phrase, or in phrases where the term also stands (Calc's
    Armenian "cell range" as տիրույթ beside ընդգրկույթ), is a synonym: the real
    inconsistencies the check is for (a phrase rule measured in the twelfth session took
    more of those than false flags). A compound whose noun is itself a concept of the
    glossary ("page number" beside *page*) is recorded too: check-po finds such a phrase
    as that concept (the page is still checked there).
    """
    from moci_vocab.checkpo.inflection import for_language
    from moci_vocab.checkpo.target_match import TargetMatcher, compile_term

    infl = for_language(lang)
    matcher = TargetMatcher(infl)
    english, target = catalog.english, catalog.target
    nouns: dict[str, bool] = {}
    kept = {}
    for word, data in glossary.items():
        kept[word] = data
        forms = {word, word + "s", word + "es"}
        having = [i for i, words in enumerate(english) if not forms.isdisjoint(words)]
        compounds: dict[str, set[int]] = collections.defaultdict(set)
        for i in having:
            words = english[i]
            for k, w in enumerate(words):
                if w in forms and k and _content(words[k - 1]):
                    compounds[words[k - 1]].add(i)
        compounds = {
            n: found
            for n, found in compounds.items()
            if len(found) >= 2 and _noun(n, english, nouns)
        }
        if len(compounds) < COMPOUND_NOUNS:
            continue
        [term] = compile_term(data["term"], "preferred", [], infl)[:1]
        said = {t for i in having for t in target[i]}  # each word tested once
        said = {t for t in said if matcher.word_matches(t, term.words[0])}
        uses = {i for i in having if not said.isdisjoint(target[i])}
        inside = set().union(*compounds.values())
        others = collections.Counter(
            t for i in inside - uses for t in target[i] if len(t) >= 4 and t not in said
        )
        tried: set[str] = set()
        for candidate, _n in others.most_common(8):
            if candidate in tried:
                continue
            [other] = compile_term(candidate, "preferred", [], infl)[:1]
            its = {t for i in having for t in target[i] if matcher.word_matches(t, other.words[0])}
            tried |= its
            if its & said:
                continue  # a form of the term itself
            with_it = {i for i in having if not its.isdisjoint(target[i])}
            apart = {
                n
                for n, found in compounds.items()
                if len(found & with_it) >= COMPOUND_OTHER * len(found)
                and len(found & uses) <= COMPOUND_TERM * len(found)
            }
            if len(apart) < COMPOUND_NOUNS:
                continue
            bound = set().union(*(compounds[n] for n in apart))
            rest = [i for i in having if i not in bound]
            if (
                len(bound & uses) > COMPOUND_APART * len(bound)
                or len(bound) < MIN_COUNT
                or sum(1 for i in rest if i in with_it) > COMPOUND_OUT * len(rest)
            ):
                continue
            phrases = sorted(f"{n} {word}" for n in apart)
            before = [p for p in data.get("not_senses", ()) if p not in phrases]
            kept[word] = {**data, "not_senses": [*before, *phrases]}
            break
    return kept


def _noun(word: str, english: list[list[str]], known: dict[str, bool]) -> bool:
    """Is the English word a noun of the catalog: its plural is there, or it follows a
    determiner and ends a phrase as often as `_Catalog.concept` asks of a noun?"""
    if word not in known:
        forms = {word, word + "s", word + "es"}
        having = [words for words in english if not forms.isdisjoint(words)]
        plural = any(word + "s" in words or word + "es" in words for words in having)
        after = ends = 0
        for words in having:
            for k, w in enumerate(words):
                if w not in forms:
                    continue
                after += k > 0 and words[k - 1] in DETERMINERS
                ends += k + 1 == len(words) or words[k + 1] in PHRASE_ENDS
        n = len(having) or 1
        known[word] = plural or (after >= 0.15 * n and ends >= 0.3 * n)
    return known[word]


def _said_otherwise(entries: list[int], uses: set[int], own: set[str], lemmas) -> bool:
    """Are the entries (PLURAL_MIN or more) ones that rarely hold the term (PLURAL_TERM)
    and nearly always one other word (PLURAL_OTHER: a lemma group not the term's)?"""
    if len(entries) < PLURAL_MIN or sum(1 for i in entries if i in uses) > PLURAL_TERM * len(
        entries
    ):
        return False
    others = collections.Counter(
        g for i in entries for g in lemmas[i] if g not in own and len(g) >= 3
    )
    return bool(others) and others.most_common(1)[0][1] >= PLURAL_OTHER * len(entries)


def _content(word: str) -> bool:
    """Is the word a content word that can make a phrase with a noun (not the, of, ...)?"""
    return len(word) > 2 and word.isalpha() and word not in _FUNCTION_WORDS


def _lemma_groups(target: list[set[str]], lang: str) -> list[set[str]]:
    """Each entry's target words as the shortest stem (3 letters or more, a prefix of the
    word) the language's rules cut them back to: the forms of one word together, also
    those that differ before their fourth letter (sq temë, tema, teme → tem)."""
    shortest = shortest_stems(target, lang)
    return [{shortest[t] for t in toks} for toks in target]


def shortest_stems(target: list[set[str]], lang: str) -> dict[str, str]:
    """Each target word → the shortest stem (3 letters or more, a prefix of the word) the
    language's rules cut it back to: its lemma group (`_lemma_groups`)."""
    from moci_vocab.checkpo.inflection import for_language
    from moci_vocab.checkpo.target_match import stems_of

    infl = for_language(lang)
    shortest: dict[str, str] = {}
    for toks in target:
        for t in toks:
            if t not in shortest:
                stems = [s for s in stems_of(t, infl) if len(s) >= 3 and t.startswith(s)]
                shortest[t] = min(stems or [t], key=lambda s: (len(s), s))
    return shortest


def _head_of(
    best, having, target, lemmas, lemma_total, within=str.startswith
) -> tuple[str, int, int] | None:
    """(stem, entries of the English word with it, entries of the catalog with it) of the
    word that the best-aligned word modifies, or None.

    Pidgin renders theme as *temë grafike* (graphic theme) and, less often, as *temë*
    alone; *grafike* aligns best (it is rarer elsewhere) but always stands with a form
    of *temë*, which also stands without it: the head of the rendering, and the term.
    A word that stands with the best one in nine of ten of its entries, and without it
    in two or more, in the English word's entries, with Dice >= MIN_DICE.
    """
    with_best = [i for i in having if any(within(t, best) for t in target[i])]
    if not with_best:
        return None
    letters = best.removeprefix(WORD_KEY)
    groups = collections.Counter(
        g for i in with_best for g in lemmas[i] if not g.startswith(letters[:3])
    )
    found = []
    for group, together in groups.items():
        if together < 0.9 * len(with_best) or len(group) < 3:
            continue
        count = sum(1 for i in having if group in lemmas[i])
        dice = 2 * count / (len(having) + lemma_total[group])
        if count - together >= 2 and dice >= MIN_DICE:
            found.append((count, dice, group))
    if not found:
        return None
    count, _dice, group = max(found)
    return group, count, lemma_total[group]


def _common_prefix(a: str, b: str) -> str:
    """The longest string both words start with (ფენ for ფენი- and ფენა)."""
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return a[:size]


def _split(
    best: str, dices: dict[str, float], having: list[set[str]], within=str.startswith
) -> bool:
    """Are the word's translations split between two target words of (nearly) equal
    strength, each standing without the other in two entries or more, and neither
    alone more than twice as often as the other?

    "case" in gedit: *shkronja të vogla* (lower case), *të mëdha* (upper case): vogl-
    and mëdh- align alike, and neither is the translation of case. Two words that
    always come together (sq *hapësirë pune*, desktop) are one rendering, and a
    dominant word with a few deviations (menubar: *menu* alone 6 times, *panel* alone
    twice, where the translator wrote toolbar) is not split either.
    """
    dice = dices[best]
    start = best.removeprefix(WORD_KEY)[:3]
    rivals = [
        p for p, d in dices.items() if d >= SPLIT * dice and p.removeprefix(WORD_KEY)[:3] != start
    ]
    for rival in rivals:
        with_best = [any(within(t, best) for t in toks) for toks in having]
        with_rival = [any(within(t, rival) for t in toks) for toks in having]
        alone = sum(1 for b, r in zip(with_best, with_rival, strict=True) if b and not r)
        rival_alone = sum(1 for b, r in zip(with_best, with_rival, strict=True) if r and not b)
        if min(alone, rival_alone) >= 2 and 2 * min(alone, rival_alone) >= max(alone, rival_alone):
            return True  # used alone about as often as each other: neither dominates
    return False


def _linked_elsewhere(
    prefix, dice, forms, english, target, doc_freq, within=str.startswith
) -> bool:
    """Does another English word align better with the target prefix (competitive linking)?

    In "character coding" → "kodifikimi i gërmave", kodifikim- co-occurs with
    character, but it is the translation of coding: that word's Dice with the
    prefix is higher, so the prefix is not taken as the term for character.
    """
    holders = [i for i, toks in enumerate(target) if any(within(t, prefix) for t in toks)]
    co = collections.Counter(
        w for i in holders for w in set(english[i]) if w not in forms and w.isalpha()
    )
    return any(2 * n / (doc_freq[w] + len(holders)) > dice for w, n in co.most_common(20))


def write_po(path: Path, lang: str, items) -> None:
    """The catalog as a PO file (what `check-po` and a reader see)."""
    write_entries(path, lang, [(entry.msgctxt, entry, strs) for entry, _source, strs in items])


def write_entries(path: Path, lang: str, rows) -> None:
    """A PO file of (msgctxt, entry with msgid and msgid_plural, translations)."""
    import polib

    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Language": lang, "Content-Type": "text/plain; charset=UTF-8"}
    for msgctxt, entry, strs in rows:
        new = polib.POEntry(msgctxt=msgctxt, msgid=entry.msgid)
        if entry.msgid_plural:
            new.msgid_plural = entry.msgid_plural
            new.msgstr_plural = dict(enumerate(strs))
        else:
            new.msgstr = strs[0]
        po.append(new)
    po.save(str(path))


def build(folder: Path) -> None:
    """Write the catalogs found in the folder and their glossaries (others are kept)."""
    outputs: dict[Path, dict] = {}
    for name, pattern in CATALOGS.items():
        out = HELDOUT_OUT if name in HELDOUT else OUT
        for lang in ONLY.get(name, LANGS):
            # Xfce ships its Armenian catalogs under hy_AM (a locale with its country).
            paths = [folder / pattern.format(lang=code) for code in (lang, LOCALES[lang])]
            path = next((p for p in paths if p.exists()), None)
            if path is None:
                continue
            if out not in outputs:
                outputs[out] = _glossaries(out)
            items = list(entries(path))
            target = out / f"{name}-{lang}.po"
            write_po(target, lang, items)
            if out == HELDOUT_OUT:  # kept compressed: the benchmark unpacks it
                _compress(target)
            glossary = glossary_for([(source, strs) for _e, source, strs in items], lang)
            outputs[out][f"{name}-{lang}"] = glossary
            terms = ", ".join(f"{en}={d['term']}" for en, d in glossary.items())
            print(f"{name}-{lang}: {len(items)} entries, {len(glossary)} terms: {terms}")
    for out, glossaries in outputs.items():
        _write_glossaries(out, glossaries)


def rebuild_senses() -> None:
    """`senses_for` on every committed and held-out glossary (`rebuild`)."""
    rebuild(senses_for, "another sense")


def rebuild_nouns() -> None:
    """`nouns_for` on every committed and held-out glossary (`rebuild`)."""
    rebuild(nouns_for, "not the term of the word's noun uses")


def rebuild_participles() -> None:
    """`participles_for` on every committed and held-out glossary (`rebuild`)."""
    rebuild(participles_for, "a participle (after 'be', or irregular), ordinal or adjective")


def rebuild_verbs() -> None:
    """`verbs_for` on every committed and held-out glossary (`rebuild`)."""
    rebuild(verbs_for, "its term a verb form")


def rebuild_citations() -> None:
    """`citations_for` on every committed and held-out glossary (`rebuild`)."""
    rebuild(citations_for, "")


def rebuild_verb_nouns() -> None:
    """`verb_nouns_for` on every committed and held-out glossary (`rebuild`)."""
    rebuild(verb_nouns_for, "")


def rebuild_short_words() -> None:
    """`short_words_for` on every committed and held-out glossary (`rebuild`)."""
    rebuild(short_words_for, "")


def rebuild_compounds() -> None:
    """`compounds_for` on every committed and held-out glossary (`rebuild`)."""
    rebuild(compounds_for, "")


def rebuild_plurals() -> None:
    """`plurals_for` on every committed and held-out glossary (`rebuild`)."""
    rebuild(plurals_for, "its singular said with a word of its own")


def rebuild(step, why: str) -> None:
    """Give every committed and held-out glossary a step of `glossary_for` (`nouns_for`,
    `senses_for`), from its committed catalog, the terms kept as built (their flags are
    what was judged); ``why``: what the printed line says of a concept left out."""
    import lzma

    import polib

    for out in (OUT, HELDOUT_OUT):
        glossaries = _glossaries(out)
        for key, glossary in sorted(glossaries.items()):
            path = out / f"{key}.po"
            if path.exists():
                po = polib.pofile(str(path))
            else:
                text = lzma.decompress((out / f"{key}.po.xz").read_bytes()).decode("utf-8")
                po = polib.pofile(text)
            rebuilt = step(_rows_of(po), key.rsplit("-", 1)[1], glossary)
            for word in sorted(set(glossary) - set(rebuilt)):
                print(f"{key}: {word}={glossary[word]['term']} left out ({why})")
            for word in sorted(set(rebuilt) - set(glossary)):
                print(f"{key}: {word}={rebuilt[word]['term']} added")
            for word in sorted(w for w in rebuilt if rebuilt[w] != glossary.get(w, rebuilt[w])):
                old, new = glossary[word], rebuilt[word]
                change = f"→ {new['term']}" if new["term"] != old["term"] else "not "
                change += "" if new["term"] != old["term"] else str(new["not_senses"])
                print(f"{key}: {word}={old['term']} {change}")
            glossaries[key] = rebuilt
        _write_glossaries(out, glossaries)


def _rows_of(po, where: dict | None = None) -> list[tuple[str, list[str]]]:
    """(msgid with plural, translations) of a written catalog's entries, as `entries`
    gives them from the .mo file it was written from (translated ones only); ``where``,
    if given, gets each row's (msgctxt, msgid) → its index."""
    rows = []
    for entry in po:
        if not entry.msgid or entry.obsolete:
            continue
        if entry.msgid_plural:
            strs = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
            source = f"{entry.msgid}\n{entry.msgid_plural}"
        else:
            strs, source = [entry.msgstr], entry.msgid
        if all(strs):
            if where is not None:
                where[(entry.msgctxt, entry.msgid)] = len(rows)
            rows.append((source, strs))
    return rows


def _write_glossaries(out: Path, glossaries: dict) -> None:
    """glossaries.json, one concept a line."""
    text = json.dumps(glossaries, ensure_ascii=False, indent=1, sort_keys=True)
    (out / "glossaries.json").write_text(re.sub(r"\n\s+(?=[\d\]\"}])", " ", text) + "\n")


def _glossaries(out: Path) -> dict:
    """The glossaries already written to an output folder (created if missing)."""
    out.mkdir(parents=True, exist_ok=True)
    existing = out / "glossaries.json"
    return json.loads(existing.read_text(encoding="utf-8")) if existing.exists() else {}


def _compress(path: Path) -> None:
    """Replace a PO file by its xz-compressed copy (``name.po.xz``)."""
    import lzma

    path.with_name(path.name + ".xz").write_bytes(lzma.compress(path.read_bytes()))
    path.unlink()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if sys.argv[1] == "--senses":
        rebuild_senses()
    elif sys.argv[1] == "--nouns":
        rebuild_nouns()
    elif sys.argv[1] == "--plurals":
        rebuild_plurals()
    elif sys.argv[1] == "--compounds":
        rebuild_compounds()
    elif sys.argv[1] == "--participles":
        rebuild_participles()
    elif sys.argv[1] == "--verbs":
        rebuild_verbs()
    elif sys.argv[1] == "--citations":
        rebuild_citations()
    elif sys.argv[1] == "--verb-nouns":
        rebuild_verb_nouns()
    elif sys.argv[1] == "--short-words":
        rebuild_short_words()
    else:
        build(Path(sys.argv[1]))

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "reel-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ReelApplication) app = NULL;

  /* Before option parsing: --validate prints translated problems without
   * ever initialising GTK, which would otherwise set the locale. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = reel_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

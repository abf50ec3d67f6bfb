"""Our date and number formats per language (settings.FORMAT_MODULE_PATH); what a module here
leaves out comes from Django's formats for that language."""

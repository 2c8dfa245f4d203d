# read_cmr.R: load a cmr export (the folder `cmr export` writes) into R.
#
#   source("R/read_cmr.R")
#   long <- read_cmr("dist")                  # one row per country-year-question
#   wide <- read_cmr("dist", shape = "wide")  # one row per country-year
#
# Everything about the columns comes from the export's datapackage.json (read with jsonlite):
# types, factor levels in codebook order, labels and descriptions. Only empty cells are NA;
# a missing code ("unknown", "not_applicable", ...) stays a level of its own: in the long
# panel in `answer`, in the wide panel in `<variable>_missing` beside the empty value.
# Needs the jsonlite and readr packages; with digest installed the file's sha256 is checked
# too (its size always is).

#' Read the long or wide panel of a cmr export.
#'
#' @param dir the export folder (holding datapackage.json).
#' @param shape "long" (one row per country-year-question) or "wide" (one row per
#'   country-year).
#' @param labels FALSE (default): factor levels are the codes ("yes", "unknown"), as in the
#'   CSV and in Python; TRUE: the codebook's labels ("Yes", "Unknown").
#' @return a tibble. Label columns are factors (confidence ordered); wide values are integers
#'   with their value labels in attribute "labels"; every column has its description in
#'   attribute "label".
read_cmr <- function(dir = "dist", shape = c("long", "wide"), labels = FALSE) {
  shape <- match.arg(shape)
  package <- jsonlite::fromJSON(file.path(dir, "datapackage.json"), simplifyVector = FALSE)
  resource <- .cmr_resource(package, paste0("panel_", shape))
  path <- file.path(dir, resource$path)
  .cmr_check_file(path, resource)
  fields <- resource$schema$fields
  names(fields) <- vapply(fields, function(f) f$name, "")
  types <- lapply(fields, .cmr_col_type)
  data <- readr::read_csv(
    path,
    col_types = do.call(readr::cols, types),
    na = "",
    locale = readr::locale(encoding = "UTF-8"),
    progress = FALSE
  )
  if (!identical(names(data), names(fields))) {
    stop(sprintf("%s: its columns are not the ones datapackage.json lists", path), call. = FALSE)
  }
  for (name in names(fields)) {
    data[[name]] <- .cmr_column(data[[name]], fields[[name]], labels)
  }
  data
}

.cmr_resource <- function(package, name) {
  for (resource in package$resources) {
    if (identical(resource$name, name)) {
      return(resource)
    }
  }
  stop(sprintf("datapackage.json describes no resource %s", name), call. = FALSE)
}

.cmr_check_file <- function(path, resource) {
  if (!file.exists(path)) {
    stop(sprintf("%s not found: run `cmr export` first", path), call. = FALSE)
  }
  if (!identical(as.numeric(file.size(path)), as.numeric(resource$bytes))) {
    stop(sprintf("%s has changed since the export (its size differs)", path), call. = FALSE)
  }
  if (requireNamespace("digest", quietly = TRUE)) {
    found <- paste0("sha256:", digest::digest(path, algo = "sha256", file = TRUE))
    if (!identical(found, resource$hash)) {
      stop(sprintf("%s has changed since the export (its sha256 differs)", path), call. = FALSE)
    }
  }
}

.cmr_col_type <- function(field) {
  switch(field$type,
    integer = readr::col_integer(),
    date = readr::col_date(format = "%Y-%m-%d"),
    readr::col_character()
  )
}

.cmr_column <- function(values, field, labels) {
  categories <- field$categories
  if (field$type == "string" && !is.null(categories)) {
    codes <- vapply(categories, function(c) as.character(c$value), "")
    shown <- vapply(categories, function(c) as.character(c$label), "")
    values <- .cmr_factor(values, codes, if (isTRUE(labels)) shown else codes, field)
  } else if (field$type == "string" && !is.null(field$constraints$enum)) {
    codes <- unlist(field$constraints$enum)
    values <- .cmr_factor(values, codes, codes, field)
  } else if (field$type == "integer" && !is.null(categories)) {
    numbers <- vapply(categories, function(c) as.integer(c$value), 0L)
    names(numbers) <- vapply(categories, function(c) as.character(c$label), "")
    attr(values, "labels") <- numbers
  } else if (field$type == "string" && field$name %in% c("country", "iso3c", "coder")) {
    values <- factor(values, levels = sort(unique(values[!is.na(values)]), method = "radix"))
  }
  attr(values, "label") <- field$description
  values
}

# A factor of `values` on the levels `codes`: a cell that is none of them stops the reading
# (factor() alone would turn it into NA, and a code would be lost without a word).
.cmr_factor <- function(values, codes, shown, field) {
  unknown <- setdiff(unique(values[!is.na(values)]), codes)
  if (length(unknown) > 0) {
    stop(sprintf("column %s holds %s, which datapackage.json does not list",
                 field$name, paste(unknown, collapse = ", ")), call. = FALSE)
  }
  factor(values, levels = codes, labels = shown, ordered = isTRUE(field$categoriesOrdered))
}

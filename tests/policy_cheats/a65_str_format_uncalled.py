def solve(bank):
    fmt = "{0." + "_inst}"
    fill = fmt.format
    return fill(bank)

# Sourced by .github/workflows/formulieren.yml: what belongs to a form's proposal, asked in one
# way everywhere. Needs BRANCH (formulier/<soort>-<issue>), BASE (the default branch),
# GITHUB_REPOSITORY, GH_TOKEN, and a checkout with the whole history (fetch-depth: 0).

# The commits of this workflow are made by GitHub's bot; any other commit is a person's work.
BOT_NAME="github-actions[bot]"
BOT_EMAIL="41898282+github-actions[bot]@users.noreply.github.com"

# The URL of the open pull request from this repository's own branch $BRANCH, or nothing.
# `gh pr list --head` matches the branch name in every repository, forks included: a fork's
# pull request from a branch with the same name is never ours.
own_pull_request() {
  gh pr list --repo "$GITHUB_REPOSITORY" --head "$BRANCH" --state open \
    --json url,isCrossRepository,headRefName \
    --jq "map(select((.isCrossRepository | not) and .headRefName == \"$BRANCH\")) | .[0].url // empty"
}

# Fetches origin's $BASE and $BRANCH; prints the commit at the tip of $BRANCH, or nothing when
# origin has no such branch.
fetch_branch() {
  git fetch --quiet origin "+refs/heads/$BASE:refs/remotes/origin/$BASE" || return 1
  if git fetch --quiet origin "+refs/heads/$BRANCH:refs/remotes/origin/$BRANCH" 2>/dev/null; then
    git rev-parse "refs/remotes/origin/$BRANCH"
  fi
}

# How many commits between $BASE and $1 (the branch's tip) someone else than this workflow
# made: a reviewer's fix, or main merged in with GitHub's "Update branch". Those are never
# thrown away. Fails (rather than answering 0) when git cannot tell.
others_commits() {
  local committers
  committers=$(git log --format=%ce "refs/remotes/origin/$BASE..$1") || return 1
  if [ -z "$committers" ]; then echo 0; return; fi
  printf '%s\n' "$committers" | grep -cvxF "$BOT_EMAIL" || true
}

# Sets url (the open pull request of the branch, or empty), tip (the branch's newest commit, or
# empty) and others (how many of its commits a person made).
find_proposal() {
  url=$(own_pull_request) || return 1
  tip=$(fetch_branch) || return 1
  others=0
  if [ -n "$tip" ]; then others=$(others_commits "$tip") || return 1; fi
}

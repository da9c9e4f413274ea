# Sourced by .github/workflows/formulieren.yml: what belongs to a form's proposal, asked in one
# way everywhere. Needs BRANCH (formulier/<soort>-<issue>), BASE (the default branch),
# GITHUB_REPOSITORY, GITHUB_REPOSITORY_OWNER, GH_TOKEN, and a checkout with the whole history
# (fetch-depth: 0). Each function fails rather than guess when GitHub or git cannot answer.

# The commits of this workflow are made by GitHub's bot; any other commit is a person's work.
BOT_NAME="github-actions[bot]"
BOT_EMAIL="41898282+github-actions[bot]@users.noreply.github.com"

# The URL of the open pull request from this repository's own branch $BRANCH, or nothing.
# Asked with the owner in the filter (`gh pr list --head` takes no owner: it matches the branch
# name in every fork, and lists only 30): a fork's pull request from a branch with the same name
# is never ours. The repository is checked again on each answer.
own_pull_request() {
  gh api "repos/$GITHUB_REPOSITORY/pulls?head=$GITHUB_REPOSITORY_OWNER:$BRANCH&state=open" \
    --jq 'map(select(.head.repo.full_name == $ENV.GITHUB_REPOSITORY and .head.ref == $ENV.BRANCH))
          | .[0].html_url // empty'
}

# Fetches origin's $BASE and $BRANCH; prints the commit at the tip of $BRANCH, or nothing when
# origin has no such branch (git ls-remote exits 2 for that, and only for that).
fetch_branch() {
  git fetch --quiet origin "+refs/heads/$BASE:refs/remotes/origin/$BASE" || return 1
  local status=0
  git ls-remote --exit-code --heads origin "refs/heads/$BRANCH" > /dev/null || status=$?
  if [ "$status" -eq 2 ]; then return 0; fi
  if [ "$status" -ne 0 ]; then return 1; fi
  git fetch --quiet origin "+refs/heads/$BRANCH:refs/remotes/origin/$BRANCH" || return 1
  git rev-parse "refs/remotes/origin/$BRANCH"
}

# How many commits between $BASE and $1 (the branch's tip) someone else than this workflow
# made: a reviewer's fix, or main merged in with GitHub's "Update branch". Those are never
# thrown away.
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
